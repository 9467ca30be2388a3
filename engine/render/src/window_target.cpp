// The window target: a GLFW window's swapchain. Handles resize (recreate on out-of-date
// or a changed framebuffer size), minimise (no frame while the framebuffer is 0x0) and
// vsync (FIFO) on or off (MAILBOX or IMMEDIATE, whichever the surface offers).
#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstring>

#include "target.h"

namespace et::render {
namespace {

class WindowTarget final : public Target {
 public:
  WindowTarget(Context& ctx, GLFWwindow* window, VkSurfaceKHR surface,
               VkSampleCountFlagBits samples, bool vsync)
      : ctx_(ctx), window_(window), surface_(surface), samples_(samples), vsync_(vsync) {
    VkSemaphoreCreateInfo si{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    vk_check(vkCreateSemaphore(ctx.device, &si, nullptr, &acquired_), "semaphore");
    vk_check(vkCreateSemaphore(ctx.device, &si, nullptr, &rendered_), "semaphore");
  }
  ~WindowTarget() override {
    vkDeviceWaitIdle(ctx_.device);
    attachments_.destroy();
    destroy_swapchain(swapchain_);
    vkDestroySemaphore(ctx_.device, acquired_, nullptr);
    vkDestroySemaphore(ctx_.device, rendered_, nullptr);
    vkDestroySurfaceKHR(ctx_.instance, surface_, nullptr);
  }

  Status init() {
    uint32_t n = 0;
    vkGetPhysicalDeviceSurfaceFormatsKHR(ctx_.physical, surface_, &n, nullptr);
    std::vector<VkSurfaceFormatKHR> formats(n);
    vkGetPhysicalDeviceSurfaceFormatsKHR(ctx_.physical, surface_, &n, formats.data());
    if (formats.empty()) return Error{"the window surface offers no formats"};
    format_ = formats[0];
    for (const VkSurfaceFormatKHR& f : formats)
      if ((f.format == VK_FORMAT_B8G8R8A8_SRGB || f.format == VK_FORMAT_R8G8B8A8_SRGB) &&
          f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR)
        format_ = f;
    VkBool32 supported = VK_FALSE;
    vkGetPhysicalDeviceSurfaceSupportKHR(ctx_.physical, ctx_.queue_family, surface_, &supported);
    if (!supported) return Error{"the Vulkan queue cannot present to this window"};
    if (!recreate()) return Error{"cannot create the window's swapchain"};
    return Ok{};
  }

  Attachments& attachments() override { return attachments_; }

  bool acquire(uint32_t& index) override {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    if (w == 0 || h == 0) return false;  // minimised
    if (dirty_ || uint32_t(w) != attachments_.extent.width ||
        uint32_t(h) != attachments_.extent.height) {
      if (!recreate()) return false;
    }
    VkResult r = vkAcquireNextImageKHR(ctx_.device, swapchain_, UINT64_MAX, acquired_,
                                       VK_NULL_HANDLE, &index);
    if (r == VK_ERROR_OUT_OF_DATE_KHR) {
      dirty_ = true;
      return false;
    }
    if (r != VK_SUBOPTIMAL_KHR) vk_check(r, "acquire swapchain image");
    return true;
  }

  void record_readback(VkCommandBuffer cmd, uint32_t index) override {
    VkImage img = images_[index];
    VkExtent2D e = attachments_.extent;
    if (!readback_.buffer || readback_.size < VkDeviceSize(e.width) * e.height * 4)
      readback_ = GpuBuffer(ctx_, VkDeviceSize(e.width) * e.height * 4,
                            VK_BUFFER_USAGE_TRANSFER_DST_BIT, true);
    barrier(cmd, img, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
            VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT);
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {e.width, e.height, 1};
    vkCmdCopyImageToBuffer(cmd, img, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback_.buffer, 1,
                           &region);
    barrier(cmd, img, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
            VK_ACCESS_TRANSFER_READ_BIT, 0);
    readback_extent_ = e;
  }

  void submit(VkCommandBuffer cmd, uint32_t index, VkFence fence) override {
    VkPipelineStageFlags wait = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.waitSemaphoreCount = 1;
    si.pWaitSemaphores = &acquired_;
    si.pWaitDstStageMask = &wait;
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cmd;
    si.signalSemaphoreCount = 1;
    si.pSignalSemaphores = &rendered_;
    vk_check(vkQueueSubmit(ctx_.queue, 1, &si, fence), "submit");
    VkPresentInfoKHR pi{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
    pi.waitSemaphoreCount = 1;
    pi.pWaitSemaphores = &rendered_;
    pi.swapchainCount = 1;
    pi.pSwapchains = &swapchain_;
    pi.pImageIndices = &index;
    VkResult r = vkQueuePresentKHR(ctx_.queue, &pi);
    if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR)
      dirty_ = true;
    else
      vk_check(r, "present");
  }

  Image read_back() override {
    Image img;
    img.width = int(readback_extent_.width);
    img.height = int(readback_extent_.height);
    img.rgba.resize(size_t(img.width) * img.height * 4);
    std::memcpy(img.rgba.data(), readback_.mapped, img.rgba.size());
    if (format_.format == VK_FORMAT_B8G8R8A8_SRGB || format_.format == VK_FORMAT_B8G8R8A8_UNORM)
      for (size_t i = 0; i < img.rgba.size(); i += 4) std::swap(img.rgba[i], img.rgba[i + 2]);
    for (size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;  // window is opaque
    return img;
  }

  void set_vsync(bool on) {
    if (on != vsync_) vsync_ = on, dirty_ = true;
  }

 private:
  static void barrier(VkCommandBuffer cmd, VkImage img, VkImageLayout from, VkImageLayout to,
                      VkAccessFlags src, VkAccessFlags dst) {
    VkImageMemoryBarrier b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    b.srcAccessMask = src;
    b.dstAccessMask = dst;
    b.oldLayout = from;
    b.newLayout = to;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = img;
    b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT,
                         VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0, 0, nullptr, 0, nullptr, 1, &b);
  }

  VkPresentModeKHR present_mode() const {
    if (vsync_) return VK_PRESENT_MODE_FIFO_KHR;  // always available
    uint32_t n = 0;
    vkGetPhysicalDeviceSurfacePresentModesKHR(ctx_.physical, surface_, &n, nullptr);
    std::vector<VkPresentModeKHR> modes(n);
    vkGetPhysicalDeviceSurfacePresentModesKHR(ctx_.physical, surface_, &n, modes.data());
    for (VkPresentModeKHR want : {VK_PRESENT_MODE_MAILBOX_KHR, VK_PRESENT_MODE_IMMEDIATE_KHR})
      if (std::find(modes.begin(), modes.end(), want) != modes.end()) return want;
    return VK_PRESENT_MODE_FIFO_KHR;
  }

  bool recreate() {
    vkDeviceWaitIdle(ctx_.device);
    VkSurfaceCapabilitiesKHR caps;
    vk_check(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(ctx_.physical, surface_, &caps), "caps");
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    VkExtent2D extent = caps.currentExtent;
    if (extent.width == UINT32_MAX) extent = {uint32_t(w), uint32_t(h)};
    extent.width = std::clamp(extent.width, caps.minImageExtent.width, caps.maxImageExtent.width);
    extent.height =
        std::clamp(extent.height, caps.minImageExtent.height, caps.maxImageExtent.height);
    if (extent.width == 0 || extent.height == 0) return false;

    VkSwapchainCreateInfoKHR ci{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
    ci.surface = surface_;
    ci.minImageCount = std::max(caps.minImageCount, 2u);
    if (caps.maxImageCount) ci.minImageCount = std::min(ci.minImageCount + 1, caps.maxImageCount);
    ci.imageFormat = format_.format;
    ci.imageColorSpace = format_.colorSpace;
    ci.imageExtent = extent;
    ci.imageArrayLayers = 1;
    // TRANSFER_SRC: screenshots of the window, UI included, read straight from the image.
    ci.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT |
                    (caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_SRC_BIT);
    ci.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
    ci.preTransform = caps.currentTransform;
    ci.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
    if (!(caps.supportedCompositeAlpha & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR))
      ci.compositeAlpha = VK_COMPOSITE_ALPHA_INHERIT_BIT_KHR;
    ci.presentMode = present_mode();
    ci.clipped = VK_TRUE;
    VkSwapchainKHR old = swapchain_;
    ci.oldSwapchain = old;
    if (vkCreateSwapchainKHR(ctx_.device, &ci, nullptr, &swapchain_) != VK_SUCCESS) return false;
    destroy_swapchain(old);

    uint32_t n = 0;
    vkGetSwapchainImagesKHR(ctx_.device, swapchain_, &n, nullptr);
    images_.resize(n);
    vkGetSwapchainImagesKHR(ctx_.device, swapchain_, &n, images_.data());
    for (VkImage img : images_) {
      VkImageViewCreateInfo vi{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
      vi.image = img;
      vi.viewType = VK_IMAGE_VIEW_TYPE_2D;
      vi.format = format_.format;
      vi.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
      VkImageView view;
      vk_check(vkCreateImageView(ctx_.device, &vi, nullptr, &view), "swapchain view");
      views_.push_back(view);
    }
    if (attachments_.render_pass)
      attachments_.resize(extent, views_);
    else
      attachments_.create(ctx_, format_.format, extent, samples_, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                          views_);
    dirty_ = false;
    return true;
  }

  void destroy_swapchain(VkSwapchainKHR sc) {
    for (VkImageView v : views_) vkDestroyImageView(ctx_.device, v, nullptr);
    views_.clear();
    if (sc) vkDestroySwapchainKHR(ctx_.device, sc, nullptr);
  }

  Context& ctx_;
  GLFWwindow* window_;
  VkSurfaceKHR surface_;
  VkSampleCountFlagBits samples_;
  bool vsync_;
  bool dirty_ = false;
  VkSurfaceFormatKHR format_{};
  VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
  std::vector<VkImage> images_;
  std::vector<VkImageView> views_;
  VkSemaphore acquired_ = VK_NULL_HANDLE;
  VkSemaphore rendered_ = VK_NULL_HANDLE;
  Attachments attachments_;
  GpuBuffer readback_;
  VkExtent2D readback_extent_{};
};

}  // namespace

Result<std::unique_ptr<Target>> make_window_target(Context& ctx, GLFWwindow* window,
                                                   VkSampleCountFlagBits samples, bool vsync) {
  VkSurfaceKHR surface;
  if (glfwCreateWindowSurface(ctx.instance, window, nullptr, &surface) != VK_SUCCESS)
    return Error{"cannot create a Vulkan surface for the window"};
  auto t = std::make_unique<WindowTarget>(ctx, window, surface, samples, vsync);
  Status s = t->init();
  if (!s) return s.error();
  return std::unique_ptr<Target>(std::move(t));
}

void set_target_vsync(Target& target, bool vsync) {
  if (auto* w = dynamic_cast<WindowTarget*>(&target)) w->set_vsync(vsync);
}

}  // namespace et::render
