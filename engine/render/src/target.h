// What a frame is drawn into: the offscreen image or the window's swapchain. The renderer
// records the same commands for both; only acquire, read-back and submit differ.
#pragma once

#include "attachments.h"
#include "et/core/image.h"

struct GLFWwindow;

namespace et::render {

class Target {
 public:
  virtual ~Target() = default;
  virtual Attachments& attachments() = 0;
  // Prepares the next frame's image. False when nothing can be drawn now (minimised).
  virtual bool acquire(uint32_t& index) = 0;
  // Recorded after the render pass: copies the final image into host memory.
  virtual void record_readback(VkCommandBuffer cmd, uint32_t index) = 0;
  // Submits `cmd` (signalling `fence`) and, for a window, presents.
  virtual void submit(VkCommandBuffer cmd, uint32_t index, VkFence fence) = 0;
  // The copied image, once `fence` has signalled.
  virtual Image read_back() = 0;
};

std::unique_ptr<Target> make_offscreen_target(Context& ctx, VkExtent2D extent,
                                              VkSampleCountFlagBits samples);

// The window must outlive the target; the context must have been created with the
// window's surface extensions and the swapchain extension.
Result<std::unique_ptr<Target>> make_window_target(Context& ctx, ::GLFWwindow* window,
                                                   VkSampleCountFlagBits samples, bool vsync);
void set_target_vsync(Target& target, bool vsync);

}  // namespace et::render
