#include "gpu_buffer.h"

#include <cstring>
#include <utility>

namespace et::render {

GpuBuffer::GpuBuffer(Context& ctx, VkDeviceSize bytes, VkBufferUsageFlags usage,
                     bool host_visible)
    : size(bytes), ctx_(&ctx) {
  VkBufferCreateInfo bi{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  bi.size = bytes > 0 ? bytes : 16;  // zero-sized buffers are invalid; keep a stub
  bi.usage = usage | (host_visible ? 0 : VK_BUFFER_USAGE_TRANSFER_DST_BIT);
  bi.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  vk_check(vkCreateBuffer(ctx.device, &bi, nullptr, &buffer), "create buffer");
  VkMemoryRequirements req;
  vkGetBufferMemoryRequirements(ctx.device, buffer, &req);
  VkMemoryAllocateInfo ai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  ai.allocationSize = req.size;
  ai.memoryTypeIndex = ctx.memory_type(
      req.memoryTypeBits, host_visible ? VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                             VK_MEMORY_PROPERTY_HOST_COHERENT_BIT
                                       : VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  vk_check(vkAllocateMemory(ctx.device, &ai, nullptr, &memory_), "allocate buffer memory");
  vkBindBufferMemory(ctx.device, buffer, memory_, 0);
  if (host_visible) vkMapMemory(ctx.device, memory_, 0, VK_WHOLE_SIZE, 0, &mapped);
}

GpuBuffer& GpuBuffer::operator=(GpuBuffer&& o) noexcept {
  if (this != &o) {
    reset();
    std::swap(buffer, o.buffer);
    std::swap(size, o.size);
    std::swap(mapped, o.mapped);
    std::swap(ctx_, o.ctx_);
    std::swap(memory_, o.memory_);
  }
  return *this;
}

void GpuBuffer::reset() {
  if (ctx_ && buffer) {
    vkDestroyBuffer(ctx_->device, buffer, nullptr);
    vkFreeMemory(ctx_->device, memory_, nullptr);
  }
  buffer = VK_NULL_HANDLE;
  memory_ = VK_NULL_HANDLE;
  mapped = nullptr;
  size = 0;
}

void GpuBuffer::upload(const void* data, VkDeviceSize bytes) {
  if (bytes == 0) return;
  if (mapped) {
    std::memcpy(mapped, data, bytes);
    return;
  }
  GpuBuffer staging(*ctx_, bytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, true);
  std::memcpy(staging.mapped, data, bytes);
  ctx_->immediate([&](VkCommandBuffer cmd) {
    VkBufferCopy region{0, 0, bytes};
    vkCmdCopyBuffer(cmd, staging.buffer, buffer, 1, &region);
  });
}

GpuImage::GpuImage(Context& ctx, VkExtent2D extent, VkFormat format, VkSampleCountFlagBits samples,
                   VkImageUsageFlags usage, VkImageAspectFlags aspect)
    : ctx_(&ctx) {
  VkImageCreateInfo ii{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
  ii.imageType = VK_IMAGE_TYPE_2D;
  ii.format = format;
  ii.extent = {extent.width, extent.height, 1};
  ii.mipLevels = 1;
  ii.arrayLayers = 1;
  ii.samples = samples;
  ii.tiling = VK_IMAGE_TILING_OPTIMAL;
  ii.usage = usage;
  ii.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  vk_check(vkCreateImage(ctx.device, &ii, nullptr, &image), "create image");
  VkMemoryRequirements req;
  vkGetImageMemoryRequirements(ctx.device, image, &req);
  VkMemoryAllocateInfo ai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  ai.allocationSize = req.size;
  ai.memoryTypeIndex = ctx.memory_type(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  vk_check(vkAllocateMemory(ctx.device, &ai, nullptr, &memory_), "allocate image memory");
  vkBindImageMemory(ctx.device, image, memory_, 0);
  VkImageViewCreateInfo vi{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
  vi.image = image;
  vi.viewType = VK_IMAGE_VIEW_TYPE_2D;
  vi.format = format;
  vi.subresourceRange = {aspect, 0, 1, 0, 1};
  vk_check(vkCreateImageView(ctx.device, &vi, nullptr, &view), "create image view");
}

GpuImage& GpuImage::operator=(GpuImage&& o) noexcept {
  if (this != &o) {
    reset();
    std::swap(image, o.image);
    std::swap(view, o.view);
    std::swap(ctx_, o.ctx_);
    std::swap(memory_, o.memory_);
  }
  return *this;
}

void GpuImage::reset() {
  if (ctx_ && image) {
    vkDestroyImageView(ctx_->device, view, nullptr);
    vkDestroyImage(ctx_->device, image, nullptr);
    vkFreeMemory(ctx_->device, memory_, nullptr);
  }
  image = VK_NULL_HANDLE;
  view = VK_NULL_HANDLE;
  memory_ = VK_NULL_HANDLE;
}

}  // namespace et::render
