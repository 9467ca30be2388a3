#include <gtest/gtest.h>

#include <filesystem>

#include "et/core/image.h"

namespace {

et::Image gradient(int w, int h) {
  et::Image img{w, h, std::vector<std::uint8_t>(size_t(w) * h * 4)};
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = img.pixel(x, y);
      p[0] = std::uint8_t(x * 255 / (w - 1));
      p[1] = std::uint8_t(y * 255 / (h - 1));
      p[2] = 40;
      p[3] = 255;
    }
  return img;
}

TEST(Image, PngRoundTrip) {
  std::string path = testing::TempDir() + "/et_roundtrip.png";
  et::Image a = gradient(37, 21);
  ASSERT_TRUE(et::write_png(path, a).ok());
  auto b = et::read_png(path);
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(b->width, 37);
  EXPECT_EQ(b->height, 21);
  EXPECT_EQ(b->rgba, a.rgba);
}

TEST(Image, CompareCountsPixelsOverTolerance) {
  et::Image a = gradient(10, 10), b = a;
  b.pixel(3, 4)[0] = std::uint8_t(b.pixel(3, 4)[0] + 9);
  b.pixel(5, 5)[1] = std::uint8_t(b.pixel(5, 5)[1] + 2);
  et::ImageDiff d = et::compare_images(a, b, 4);
  EXPECT_EQ(d.differing_pixels, 1);
  EXPECT_EQ(d.max_channel_delta, 9);
}

TEST(Image, FailedWriteLeavesNothing) {
  std::string path = testing::TempDir() + "/no_such_dir/x.png";
  EXPECT_FALSE(et::write_png(path, gradient(4, 4)).ok());
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Image, ReadRejectsNonPng) {
  auto r = et::read_png(std::string(ET_TEST_DATA) + "/cube.obj");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("cube.obj"), std::string::npos);
}

}  // namespace
