// Vulkan instance, device and queue, shared by every target. Internal to render/.
#pragma once

#include <vulkan/vulkan.h>

#include <memory>
#include <string>
#include <vector>

#include "et/core/error.h"

namespace et::render {

// Aborts with a one-line message on an unexpected Vulkan failure: these are device or
// driver faults, not user input, so there is nothing useful to return to the caller.
void vk_check(VkResult r, const char* what);

class Context {
 public:
  // `instance_extensions`: extra extensions (the window's surface extensions).
  static Result<std::unique_ptr<Context>> create(bool validation,
                                                 const std::vector<const char*>& instance_extensions,
                                                 bool need_swapchain);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  VkInstance instance = VK_NULL_HANDLE;
  VkPhysicalDevice physical = VK_NULL_HANDLE;
  VkDevice device = VK_NULL_HANDLE;
  VkQueue queue = VK_NULL_HANDLE;
  uint32_t queue_family = 0;
  VkCommandPool command_pool = VK_NULL_HANDLE;
  VkPhysicalDeviceProperties properties{};
  VkPhysicalDeviceMemoryProperties memory{};

  uint32_t memory_type(uint32_t type_bits, VkMemoryPropertyFlags flags) const;
  VkSampleCountFlagBits max_samples(int wanted) const;
  // Records and submits a one-off command buffer, and waits for it.
  template <typename F>
  void immediate(F&& record) {
    VkCommandBuffer cmd = begin_immediate();
    record(cmd);
    end_immediate(cmd);
  }
  VkCommandBuffer begin_immediate();
  void end_immediate(VkCommandBuffer cmd);

 private:
  Context() = default;
  VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
};

}  // namespace et::render
