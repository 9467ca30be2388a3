#include "ui_pass.h"

#include <imgui.h>
#include <imgui_impl_vulkan.h>

namespace et::render {
namespace {
void check_imgui_vk(VkResult r) { vk_check(r, "ImGui Vulkan backend"); }
}  // namespace

Status ImGuiPass::init(Context& ctx, VkRenderPass pass, VkSampleCountFlagBits samples) {
  if (!ImGui::GetCurrentContext()) return Error{"ImGui context must exist before enable_imgui"};
  VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16};
  VkDescriptorPoolCreateInfo pi{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  pi.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
  pi.maxSets = 16;
  pi.poolSizeCount = 1;
  pi.pPoolSizes = &size;
  vk_check(vkCreateDescriptorPool(ctx.device, &pi, nullptr, &pool_), "ImGui descriptor pool");

  ImGui_ImplVulkan_InitInfo info{};
  info.Instance = ctx.instance;
  info.PhysicalDevice = ctx.physical;
  info.Device = ctx.device;
  info.QueueFamily = ctx.queue_family;
  info.Queue = ctx.queue;
  info.DescriptorPool = pool_;
  info.MinImageCount = 2;
  info.ImageCount = 2;  // frames whose vertex data the backend keeps; we run one in flight
  info.MSAASamples = samples;
  info.CheckVkResultFn = check_imgui_vk;
  if (!ImGui_ImplVulkan_Init(&info, pass)) return Error{"ImGui Vulkan backend failed to start"};
  ctx.immediate([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
  ImGui_ImplVulkan_DestroyFontUploadObjects();
  active_ = true;
  return Ok{};
}

void ImGuiPass::new_frame() {
  if (active_) ImGui_ImplVulkan_NewFrame();
}

void ImGuiPass::record(VkCommandBuffer cmd) {
  if (!active_) return;
  ImDrawData* data = ImGui::GetDrawData();
  if (data && data->Valid) ImGui_ImplVulkan_RenderDrawData(data, cmd);
}

void ImGuiPass::shutdown(Context& ctx) {
  if (active_) ImGui_ImplVulkan_Shutdown();
  if (pool_) vkDestroyDescriptorPool(ctx.device, pool_, nullptr);
  pool_ = VK_NULL_HANDLE;
  active_ = false;
}

}  // namespace et::render
