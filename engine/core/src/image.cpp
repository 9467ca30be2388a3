#include "et/core/image.h"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "et/core/file_io.h"

namespace et {
namespace {

void append_bytes(png_structp png, png_bytep data, png_size_t len) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + len);
}

void flush_nothing(png_structp) {}

}  // namespace

Result<std::vector<std::uint8_t>> encode_png(const Image& image, const std::string& name) {
  if (image.width <= 0 || image.height <= 0)
    return make_error(name, "", "refusing to write an empty image");
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) return make_error(name, "", "libpng initialisation failed");
  std::vector<std::uint8_t> encoded;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return make_error(name, "", "PNG encoding failed");
  }
  png_set_write_fn(png, &encoded, append_bytes, flush_nothing);
  png_set_IHDR(png, info, image.width, image.height, 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 6);
  png_write_info(png, info);
  for (int y = 0; y < image.height; ++y)
    png_write_row(png, const_cast<png_bytep>(image.pixel(0, y)));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return encoded;
}

Status write_png(const std::string& path, const Image& image) {
  auto encoded = encode_png(image, path);
  if (!encoded) return encoded.error();
  return write_file_atomic(path, encoded->data(), encoded->size());
}

Result<Image> read_png(const std::string& path) {
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path.c_str()))
    return make_error(path, "", std::string("not a readable PNG: ") + img.message);
  img.format = PNG_FORMAT_RGBA;
  Image out;
  out.width = static_cast<int>(img.width);
  out.height = static_cast<int>(img.height);
  out.rgba.resize(PNG_IMAGE_SIZE(img));
  if (!png_image_finish_read(&img, nullptr, out.rgba.data(), 0, nullptr)) {
    std::string msg = img.message;
    png_image_free(&img);
    return make_error(path, "", "PNG decoding failed: " + msg);
  }
  return out;
}

ImageDiff compare_images(const Image& a, const Image& b, int tolerance) {
  ImageDiff d;
  d.diff.width = a.width;
  d.diff.height = a.height;
  d.diff.rgba.assign(a.rgba.size(), 0);
  if (a.width != b.width || a.height != b.height) {
    d.differing_pixels = std::max(a.width * a.height, b.width * b.height);
    d.max_channel_delta = 255;
    return d;
  }
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      const std::uint8_t* pa = a.pixel(x, y);
      const std::uint8_t* pb = b.pixel(x, y);
      int delta = 0;
      for (int c = 0; c < 4; ++c) delta = std::max(delta, std::abs(int(pa[c]) - int(pb[c])));
      d.max_channel_delta = std::max(d.max_channel_delta, delta);
      std::uint8_t* pd = d.diff.pixel(x, y);
      pd[3] = 255;
      if (delta > tolerance) {
        ++d.differing_pixels;
        pd[0] = static_cast<std::uint8_t>(std::min(255, 64 + delta * 4));
      } else {
        pd[1] = pd[2] = static_cast<std::uint8_t>(pa[1] / 4);  // faint context
      }
    }
  }
  return d;
}

}  // namespace et
