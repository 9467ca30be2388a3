// The Renderer: world buffers, per-frame constants, and the frame's command recording,
// shared by both targets. One frame in flight: draw() waits for the previous frame's fence
// before it rewrites per-frame data, which keeps the ownership rule simple (gpu_buffer.h).
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>

#include "et/render/renderer.h"
#include "gpu_layout.h"
#include "ui_pass.h"
#include "pipelines.h"
#include "target.h"
#include "window_open.h"

namespace et::render {
namespace {

// One indexed draw of consecutive instances of one mesh.
struct Draw {
  Pass pass;
  std::uint32_t layer;
  std::uint8_t views;  // Instance::views
  std::uint32_t index_count, first_index;
  std::int32_t vertex_offset;
  std::uint32_t first_instance, instance_count;
};

float srgb_to_linear(float c) {
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

class RendererImpl final : public Renderer {
 public:
  ~RendererImpl() override {
    if (ctx_) {
      vkDeviceWaitIdle(ctx_->device);
      imgui_.shutdown(*ctx_);
      target_.reset();
      vertices_.reset();
      indices_.reset();
      instances_.reset();
      elements_.reset();
      frame_.reset();
      if (fence_) vkDestroyFence(ctx_->device, fence_, nullptr);
      if (pool_) vkDestroyDescriptorPool(ctx_->device, pool_, nullptr);
      pipelines_.destroy(*ctx_);
      ctx_.reset();
    }
    if (window_) {
      glfwDestroyWindow(window_);
      glfwTerminate();
    }
  }

  Status init_offscreen(int w, int h, const RendererOptions& o) {
    auto ctx = Context::create(o.validation, {}, false);
    if (!ctx) return ctx.error();
    ctx_ = std::move(*ctx);
    samples_ = ctx_->max_samples(o.msaa_samples);
    target_ = make_offscreen_target(*ctx_, {uint32_t(w), uint32_t(h)}, samples_);
    return finish_init();
  }

  Status init_window(const std::string& title, int w, int h, const RendererOptions& o) {
    if (!glfwInit())
      return Error{"cannot open a window: no display (is DISPLAY set? use `render` headless)"};
    if (!glfwVulkanSupported()) {
      glfwTerminate();
      return Error{"cannot open a window: GLFW finds no Vulkan loader"};
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    std::string error;
    window_ = open_window(title, w, h, {o.monitor, o.fullscreen}, error);
    if (!window_) {
      glfwTerminate();
      return Error{error};
    }
    uint32_t n = 0;
    const char** ext = glfwGetRequiredInstanceExtensions(&n);
    auto ctx = Context::create(o.validation, std::vector<const char*>(ext, ext + n), true);
    if (!ctx) return ctx.error();
    ctx_ = std::move(*ctx);
    samples_ = ctx_->max_samples(o.msaa_samples);
    auto t = make_window_target(*ctx_, window_, samples_, o.vsync);
    if (!t) return t.error();
    target_ = std::move(*t);
    return finish_init();
  }

  void set_world(const RenderWorld& world) override {
    vkDeviceWaitIdle(ctx_->device);
    // Vertices and indices of all meshes in one buffer each: a mesh is a range.
    std::vector<Vertex> verts;
    std::vector<std::uint32_t> idx;
    std::vector<std::uint32_t> first_index, index_count;
    std::vector<std::int32_t> vertex_offset;
    for (const MeshData& m : world.meshes) {
      first_index.push_back(std::uint32_t(idx.size()));
      index_count.push_back(std::uint32_t(m.indices.size()));
      vertex_offset.push_back(std::int32_t(verts.size()));
      verts.insert(verts.end(), m.vertices.begin(), m.vertices.end());
      idx.insert(idx.end(), m.indices.begin(), m.indices.end());
    }
    mesh_first_index_ = std::move(first_index);
    mesh_index_count_ = std::move(index_count);
    mesh_vertex_offset_ = std::move(vertex_offset);
    std::vector<gpu::InstanceGpu> inst;
    draws_.clear();
    append_draws(world.instances, inst, draws_);
    static_instances_ = inst.size();
    dynamic_draws_.clear();
    vertices_ = GpuBuffer(*ctx_, verts.size() * sizeof(Vertex), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                          false);
    vertices_.upload(verts.data(), verts.size() * sizeof(Vertex));
    indices_ = GpuBuffer(*ctx_, idx.size() * 4, VK_BUFFER_USAGE_INDEX_BUFFER_BIT, false);
    indices_.upload(idx.data(), idx.size() * 4);
    // Host-visible, with room after the static instances for the dynamic ones.
    instances_ = GpuBuffer(*ctx_, (inst.size() + kMaxDynamicInstances) * sizeof(gpu::InstanceGpu),
                           VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, true);
    instances_.upload(inst.data(), inst.size() * sizeof(gpu::InstanceGpu));
    set_elements(world.elements);
  }

  void set_dynamic_instances(const std::vector<Instance>& instances) override {
    wait_frame();
    std::vector<gpu::InstanceGpu> inst;
    dynamic_draws_.clear();
    std::vector<Instance> some(instances.begin(),
                               instances.begin() + std::min(instances.size(), kMaxDynamicInstances));
    append_draws(some, inst, dynamic_draws_);
    for (Draw& d : dynamic_draws_) d.first_instance += std::uint32_t(static_instances_);
    std::memcpy(static_cast<gpu::InstanceGpu*>(instances_.mapped) + static_instances_, inst.data(),
                inst.size() * sizeof(gpu::InstanceGpu));
  }

  void set_elements(const std::vector<Element>& elements) override {
    wait_frame();
    VkDeviceSize bytes = std::max<size_t>(elements.size(), 1) * sizeof(gpu::ElementGpu);
    if (!elements_.buffer || elements_.size < bytes) {
      vkDeviceWaitIdle(ctx_->device);
      elements_ = GpuBuffer(*ctx_, bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, true);
    }
    auto* out = static_cast<gpu::ElementGpu*>(elements_.mapped);
    std::memset(out, 0, bytes);
    for (size_t i = 0; i < elements.size(); ++i) {
      out[i].tint = elements[i].tint;
      out[i].flags = elements[i].flags;
    }
    write_descriptors();
  }

  int width() const override { return int(target_->attachments().extent.width); }
  int height() const override { return int(target_->attachments().extent.height); }
  int msaa_samples() const override { return int(samples_); }
  std::string device_name() const override { return ctx_->properties.deviceName; }
  GLFWwindow* window() override { return window_; }
  void finish() override { wait_frame(); }
  void set_vsync(bool on) override { set_target_vsync(*target_, on); }

  Status enable_imgui() override {
    return imgui_.init(*ctx_, target_->attachments().render_pass, samples_);
  }
  void imgui_new_frame() override { imgui_.new_frame(); }
  void disable_imgui() override {
    vkDeviceWaitIdle(ctx_->device);
    imgui_.shutdown(*ctx_);
  }

  Result<Image> draw(const FrameParams& f, bool screenshot) override {
    wait_frame();
    uint32_t index = 0;
    if (!target_->acquire(index)) return Image{};
    vkResetFences(ctx_->device, 1, &fence_);
    fence_pending_ = true;

    gpu::FrameGpu fg{};
    fg.view_proj = f.proj * f.view;
    fg.camera_pos = glm::vec4(f.camera_pos, 1.0f);
    fg.light_dir = glm::vec4(glm::normalize(f.light_dir), 0.0f);
    glm::vec3 sky(srgb_to_linear(f.sky_color.r), srgb_to_linear(f.sky_color.g),
                  srgb_to_linear(f.sky_color.b));
    fg.sky_color = glm::vec4(sky, 1.0f);
    fg.params = glm::vec4(f.ground_opacity, f.fog_distance, f.min_line_angle, 0.0f);
    fg.excavation_min = glm::vec4(f.excavation_min, f.excavation ? 1.0f : 0.0f);
    fg.excavation_max = glm::vec4(f.excavation_max, 0.0f);
    fg.section_plane = f.section_plane;
    std::memcpy(frame_.mapped, &fg, sizeof fg);

    vkResetCommandBuffer(cmd_, 0);
    VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(cmd_, &bi);
    float clear[4] = {sky.r, sky.g, sky.b, 1.0f};
    begin_pass(cmd_, target_->attachments(), index, clear);
    if (!f.clear_only && !mesh_index_count_.empty()) {
      if (f.split) record_split(f);
      else record_world(f, kViewLeft);
    }
    imgui_.record(cmd_);
    vkCmdEndRenderPass(cmd_);
    if (screenshot) target_->record_readback(cmd_, index);
    vkEndCommandBuffer(cmd_);
    target_->submit(cmd_, index, fence_);
    if (!screenshot) return Image{};
    wait_frame();
    return target_->read_back();
  }

 private:
  Status finish_init() {
    pipelines_.create(*ctx_, target_->attachments().render_pass, samples_);
    VkDescriptorPoolSize sizes[2] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1},
                                     {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 2}};
    VkDescriptorPoolCreateInfo pi{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    pi.maxSets = 1;
    pi.poolSizeCount = 2;
    pi.pPoolSizes = sizes;
    vk_check(vkCreateDescriptorPool(ctx_->device, &pi, nullptr, &pool_), "descriptor pool");
    VkDescriptorSetAllocateInfo ai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    ai.descriptorPool = pool_;
    ai.descriptorSetCount = 1;
    ai.pSetLayouts = &pipelines_.set_layout;
    vk_check(vkAllocateDescriptorSets(ctx_->device, &ai, &set_), "descriptor set");
    frame_ = GpuBuffer(*ctx_, sizeof(gpu::FrameGpu), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, true);
    instances_ = GpuBuffer(*ctx_, kMaxDynamicInstances * sizeof(gpu::InstanceGpu),
                           VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, true);
    VkCommandBufferAllocateInfo ci{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    ci.commandPool = ctx_->command_pool;
    ci.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    ci.commandBufferCount = 1;
    vk_check(vkAllocateCommandBuffers(ctx_->device, &ci, &cmd_), "command buffer");
    VkFenceCreateInfo fi{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    vk_check(vkCreateFence(ctx_->device, &fi, nullptr, &fence_), "fence");
    set_elements({});
    return Ok{};
  }

  // Sorts instances so that each (pass, layer, mesh) is one instanced draw, appending
  // their GPU records to `out` and the draws to `draws`.
  void append_draws(const std::vector<Instance>& instances, std::vector<gpu::InstanceGpu>& out,
                    std::vector<Draw>& draws) const {
    std::vector<std::uint32_t> order(instances.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    auto key = [&](std::uint32_t i) {
      const Instance& in = instances[i];
      return std::make_tuple(std::uint8_t(in.pass), in.layer, in.views, in.mesh);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    size_t first_draw = draws.size();
    for (std::uint32_t k = 0; k < order.size(); ++k) {
      const Instance& in = instances[order[k]];
      if (in.mesh >= mesh_index_count_.size()) continue;
      gpu::InstanceGpu g{};
      g.model = in.model;
      g.element = in.element;
      g.flags = in.min_width ? ET_INSTANCE_MIN_WIDTH : 0u;
      std::uint32_t slot = std::uint32_t(out.size());
      out.push_back(g);
      if (draws.size() > first_draw && key(order[k - 1]) == key(order[k]) &&
          draws.back().first_instance + draws.back().instance_count == slot) {
        ++draws.back().instance_count;
      } else {
        draws.push_back({in.pass, in.layer, in.views, mesh_index_count_[in.mesh],
                         mesh_first_index_[in.mesh], mesh_vertex_offset_[in.mesh], slot, 1});
      }
    }
  }

  void wait_frame() {
    if (!fence_pending_) return;
    vk_check(vkWaitForFences(ctx_->device, 1, &fence_, VK_TRUE, UINT64_MAX), "wait for frame");
    fence_pending_ = false;
  }

  void write_descriptors() {
    VkDescriptorBufferInfo infos[3] = {{frame_.buffer, 0, VK_WHOLE_SIZE},
                                       {instances_.buffer, 0, VK_WHOLE_SIZE},
                                       {elements_.buffer, 0, VK_WHOLE_SIZE}};
    VkWriteDescriptorSet w[3]{};
    for (int i = 0; i < 3; ++i) {
      w[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
      w[i].dstSet = set_;
      w[i].dstBinding = std::uint32_t(i);  // ET_BINDING_FRAME, _INSTANCES, _ELEMENTS
      w[i].descriptorCount = 1;
      w[i].descriptorType =
          i == 0 ? VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER : VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
      w[i].pBufferInfo = &infos[i];
    }
    vkUpdateDescriptorSets(ctx_->device, 3, w, 0, nullptr);
  }

  // Two viewports over one target, one camera: each half draws its own instances, then a
  // divider line is cleared between them. The viewport goes back to the whole target for
  // the UI.
  void record_split(const FrameParams& f) {
    const VkExtent2D e = target_->attachments().extent;
    const std::uint32_t half = e.width / 2;
    for (std::uint8_t side : {kViewLeft, kViewRight}) {
      const std::uint32_t x = side == kViewLeft ? 0 : half;
      const std::uint32_t w = side == kViewLeft ? half : e.width - half;
      if (w == 0) continue;
      VkViewport vp{float(x), 0.0f, float(w), float(e.height), 0.0f, 1.0f};
      VkRect2D sc{{std::int32_t(x), 0}, {w, e.height}};
      vkCmdSetViewport(cmd_, 0, 1, &vp);
      vkCmdSetScissor(cmd_, 0, 1, &sc);
      record_world(f, side);
    }
    // The divider: 2 px up to 720p, thicker on bigger targets.
    const std::uint32_t line = std::max<std::uint32_t>(2, e.height / 360);
    VkClearAttachment ca{};
    ca.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    ca.colorAttachment = 0;
    for (int i = 0; i < 3; ++i)
      ca.clearValue.color.float32[i] = srgb_to_linear(f.divider_color[i]);
    ca.clearValue.color.float32[3] = 1.0f;
    VkClearRect rect{};
    rect.rect = {{std::int32_t(half - std::min(half, line / 2)), 0},
                 {std::min(line, e.width), e.height}};
    rect.layerCount = 1;
    vkCmdClearAttachments(cmd_, 1, &ca, 1, &rect);
    VkViewport vp{0.0f, 0.0f, float(e.width), float(e.height), 0.0f, 1.0f};
    VkRect2D sc{{0, 0}, e};
    vkCmdSetViewport(cmd_, 0, 1, &vp);
    vkCmdSetScissor(cmd_, 0, 1, &sc);
  }

  void record_world(const FrameParams& f, std::uint8_t side) {
    VkDeviceSize zero = 0;
    vkCmdBindVertexBuffers(cmd_, 0, 1, &vertices_.buffer, &zero);
    vkCmdBindIndexBuffer(cmd_, indices_.buffer, 0, VK_INDEX_TYPE_UINT32);
    vkCmdBindDescriptorSets(cmd_, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelines_.layout, 0, 1, &set_,
                            0, nullptr);
    // Opaque first, then the ground blended over whatever lies beneath it. In x-ray mode
    // the x-ray layers come last, over a ground that wrote no depth.
    const std::uint32_t xray = f.xray ? f.xray_layer_mask : 0u;
    record_draws(f, Pass::kOpaque, ~xray, side);
    if (f.ground_opacity > 0.0f) record_draws(f, Pass::kGround, ~0u, side);
    if (xray) record_draws(f, Pass::kOpaque, xray, side);
  }

  void record_draws(const FrameParams& f, Pass pass, std::uint32_t layers, std::uint8_t side) {
    VkPipeline p = pass == Pass::kOpaque ? pipelines_.opaque
                   : f.xray             ? pipelines_.ground_xray
                                        : pipelines_.ground;
    vkCmdBindPipeline(cmd_, VK_PIPELINE_BIND_POINT_GRAPHICS, p);
    gpu::DrawPushGpu push{};
    push.kind = pass == Pass::kGround ? ET_DRAW_GROUND : ET_DRAW_OPAQUE;
    vkCmdPushConstants(cmd_, pipelines_.layout,
                       VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof push,
                       &push);
    const std::uint32_t mask = f.layer_mask & layers;
    for (const std::vector<Draw>* list : {&draws_, &dynamic_draws_}) {
      for (const Draw& d : *list) {
        if (d.pass != pass || !(d.views & side) || d.layer >= 32 || !(mask & (1u << d.layer)))
          continue;
        vkCmdDrawIndexed(cmd_, d.index_count, d.instance_count, d.first_index, d.vertex_offset,
                         d.first_instance);
      }
    }
  }

  std::unique_ptr<Context> ctx_;
  GLFWwindow* window_ = nullptr;
  VkSampleCountFlagBits samples_ = VK_SAMPLE_COUNT_1_BIT;
  std::unique_ptr<Target> target_;
  Pipelines pipelines_;
  ImGuiPass imgui_;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
  VkDescriptorSet set_ = VK_NULL_HANDLE;
  GpuBuffer vertices_, indices_, instances_, elements_, frame_;
  std::vector<Draw> draws_, dynamic_draws_;
  size_t static_instances_ = 0;
  std::vector<std::uint32_t> mesh_first_index_, mesh_index_count_;
  std::vector<std::int32_t> mesh_vertex_offset_;
  VkCommandBuffer cmd_ = VK_NULL_HANDLE;
  VkFence fence_ = VK_NULL_HANDLE;
  bool fence_pending_ = false;
};

}  // namespace

Result<std::unique_ptr<Renderer>> Renderer::create_offscreen(int w, int h,
                                                             const RendererOptions& o) {
  if (w <= 0 || h <= 0 || w > 16384 || h > 16384)
    return Error{"image size must be between 1x1 and 16384x16384"};
  auto r = std::make_unique<RendererImpl>();
  Status s = r->init_offscreen(w, h, o);
  if (!s) return s.error();
  return std::unique_ptr<Renderer>(std::move(r));
}

Result<std::unique_ptr<Renderer>> Renderer::create_window(const std::string& title, int w, int h,
                                                          const RendererOptions& o) {
  auto r = std::make_unique<RendererImpl>();
  Status s = r->init_window(title, w, h, o);
  if (!s) return s.error();
  return std::unique_ptr<Renderer>(std::move(r));
}

}  // namespace et::render
