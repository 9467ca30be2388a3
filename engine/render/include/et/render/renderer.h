// The renderer's public face. Two targets behind one class: an offscreen image that is
// read back (headless render, tests, video), or a window with a swapchain. Nothing here
// exposes Vulkan; a GLFW window handle is handed out for input only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "et/core/error.h"
#include "et/core/image.h"
#include "et/render/render_world.h"

struct GLFWwindow;

namespace et::render {

struct RendererOptions {
  // Khronos validation layer on, and every message it prints counted as a failure
  // (validation_message_count()). On in debug builds and whenever ESTATETWIN_VALIDATION=1.
  bool validation = false;
  int msaa_samples = 4;  // lowered to what the device supports
  bool vsync = true;     // window only
  int monitor = -1;         // window only: 0-based monitor (monitors.h), -1 the default
  bool fullscreen = false;  // window only: fill the monitor at its current video mode
};

class Renderer {
 public:
  static Result<std::unique_ptr<Renderer>> create_offscreen(int width, int height,
                                                            const RendererOptions& options);
  static Result<std::unique_ptr<Renderer>> create_window(const std::string& title, int width,
                                                         int height, const RendererOptions& options);
  virtual ~Renderer() = default;

  // Uploads meshes and instances (waits for the GPU first; call rarely).
  virtual void set_world(const RenderWorld& world) = 0;
  // Instances that change from frame to frame (the excavation pit, flow arrows), of meshes
  // already in the world. At most kMaxDynamicInstances; a memcpy per call.
  static constexpr size_t kMaxDynamicInstances = 8192;
  virtual void set_dynamic_instances(const std::vector<Instance>& instances) = 0;
  // Replaces per-element overlay state; cheap, may be called every frame.
  virtual void set_elements(const std::vector<Element>& elements) = 0;

  virtual int width() const = 0;
  virtual int height() const = 0;
  virtual int msaa_samples() const = 0;
  virtual std::string device_name() const = 0;

  // Offscreen: renders one frame and, when `screenshot` is set, returns the image. Window: draws and presents one
  // frame; returns an empty image, or the window's content when `screenshot` is set.
  // Returns an error when the frame could not be drawn (device lost, out of memory).
  virtual Result<Image> draw(const FrameParams& frame, bool screenshot = false) = 0;
  // Waits until the last frame has finished on the GPU (benchmarks time whole frames).
  virtual void finish() = 0;

  // Window only. Null for offscreen renderers.
  virtual GLFWwindow* window() = 0;
  virtual void set_vsync(bool on) = 0;
  // Sets up Dear ImGui's Vulkan backend on this renderer; afterwards every draw() also
  // renders ImGui's current draw data over the scene. The ImGui context must exist.
  virtual Status enable_imgui() = 0;
  virtual void imgui_new_frame() = 0;
  // Shuts ImGui's Vulkan backend down; call before destroying the ImGui context.
  virtual void disable_imgui() = 0;
};

// Messages the validation layer printed in this process (warnings and errors).
int validation_message_count();
// True when ESTATETWIN_VALIDATION=1 (tests and CI set it), or in a debug build unless
// ESTATETWIN_VALIDATION=0.
bool validation_requested();

}  // namespace et::render
