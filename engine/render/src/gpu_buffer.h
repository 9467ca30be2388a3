// GPU buffers and images. Ownership rule (one for all GPU objects in render/): each is
// owned by one RAII object, and whoever replaces or destroys one while frames may be in
// flight waits for the device first (Renderer::set_world does; per-frame data is only
// rewritten after the frame fence says the previous frame is done).
#pragma once

#include <vulkan/vulkan.h>

#include "context.h"

namespace et::render {

class GpuBuffer {
 public:
  GpuBuffer() = default;
  // Host-visible buffers stay mapped; device-local ones are filled with upload().
  GpuBuffer(Context& ctx, VkDeviceSize size, VkBufferUsageFlags usage, bool host_visible);
  ~GpuBuffer() { reset(); }
  GpuBuffer(GpuBuffer&& o) noexcept { *this = std::move(o); }
  GpuBuffer& operator=(GpuBuffer&& o) noexcept;
  GpuBuffer(const GpuBuffer&) = delete;
  GpuBuffer& operator=(const GpuBuffer&) = delete;

  void reset();
  // Copies `size` bytes into the buffer (through a staging buffer when not host-visible).
  void upload(const void* data, VkDeviceSize size);

  VkBuffer buffer = VK_NULL_HANDLE;
  VkDeviceSize size = 0;
  void* mapped = nullptr;

 private:
  Context* ctx_ = nullptr;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
};

class GpuImage {
 public:
  GpuImage() = default;
  GpuImage(Context& ctx, VkExtent2D extent, VkFormat format, VkSampleCountFlagBits samples,
           VkImageUsageFlags usage, VkImageAspectFlags aspect);
  ~GpuImage() { reset(); }
  GpuImage(GpuImage&& o) noexcept { *this = std::move(o); }
  GpuImage& operator=(GpuImage&& o) noexcept;
  GpuImage(const GpuImage&) = delete;
  GpuImage& operator=(const GpuImage&) = delete;
  void reset();

  VkImage image = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;

 private:
  Context* ctx_ = nullptr;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
};

}  // namespace et::render
