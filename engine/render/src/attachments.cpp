#include "attachments.h"

namespace et::render {

void Attachments::create(Context& ctx, VkFormat fmt, VkExtent2D ext,
                         VkSampleCountFlagBits sample_count, VkImageLayout final_layout,
                         const std::vector<VkImageView>& finals) {
  ctx_ = &ctx;
  format = fmt;
  samples = sample_count;
  const bool msaa = samples != VK_SAMPLE_COUNT_1_BIT;

  std::vector<VkAttachmentDescription> att;
  VkAttachmentDescription color{};
  color.format = format;
  color.samples = samples;
  color.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  // With MSAA only the resolved image is kept; the multisampled one can stay on chip.
  color.storeOp = msaa ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE;
  color.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  color.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  color.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  color.finalLayout = msaa ? VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL : final_layout;
  att.push_back(color);
  VkAttachmentDescription depth = color;
  depth.format = kDepthFormat;
  depth.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  depth.finalLayout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;
  att.push_back(depth);
  if (msaa) {
    VkAttachmentDescription resolve = color;
    resolve.samples = VK_SAMPLE_COUNT_1_BIT;
    resolve.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    resolve.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    resolve.finalLayout = final_layout;
    att.push_back(resolve);
  }
  VkAttachmentReference color_ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkAttachmentReference depth_ref{1, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
  VkAttachmentReference resolve_ref{2, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkSubpassDescription sub{};
  sub.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
  sub.colorAttachmentCount = 1;
  sub.pColorAttachments = &color_ref;
  sub.pDepthStencilAttachment = &depth_ref;
  sub.pResolveAttachments = msaa ? &resolve_ref : nullptr;

  // In: wait for the previous use of the attachments (and the swapchain acquire, which
  // signals at colour output). Out: make the result visible to the read-back copy.
  VkSubpassDependency deps[2]{};
  deps[0].srcSubpass = VK_SUBPASS_EXTERNAL;
  deps[0].dstSubpass = 0;
  deps[0].srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT |
                         VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
  deps[0].dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT |
                         VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT;
  deps[0].srcAccessMask = VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT;
  deps[0].dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT |
                          VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT;
  deps[1].srcSubpass = 0;
  deps[1].dstSubpass = VK_SUBPASS_EXTERNAL;
  deps[1].srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  deps[1].dstStageMask = VK_PIPELINE_STAGE_TRANSFER_BIT;
  deps[1].srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  deps[1].dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT;

  VkRenderPassCreateInfo rpi{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
  rpi.attachmentCount = static_cast<uint32_t>(att.size());
  rpi.pAttachments = att.data();
  rpi.subpassCount = 1;
  rpi.pSubpasses = &sub;
  rpi.dependencyCount = 2;
  rpi.pDependencies = deps;
  vk_check(vkCreateRenderPass(ctx.device, &rpi, nullptr, &render_pass), "create render pass");
  resize(ext, finals);
}

void Attachments::resize(VkExtent2D ext, const std::vector<VkImageView>& finals) {
  destroy_framebuffers();
  extent = ext;
  if (samples != VK_SAMPLE_COUNT_1_BIT)
    msaa_color_ = GpuImage(*ctx_, extent, format, samples,
                           VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT |
                               VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT,
                           VK_IMAGE_ASPECT_COLOR_BIT);
  depth_ = GpuImage(*ctx_, extent, kDepthFormat, samples,
                    VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT |
                        VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT,
                    VK_IMAGE_ASPECT_DEPTH_BIT);
  create_framebuffers(finals);
}

void Attachments::create_framebuffers(const std::vector<VkImageView>& finals) {
  for (VkImageView final_view : finals) {
    std::vector<VkImageView> views;
    if (samples != VK_SAMPLE_COUNT_1_BIT)
      views = {msaa_color_.view, depth_.view, final_view};
    else
      views = {final_view, depth_.view};
    VkFramebufferCreateInfo fi{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    fi.renderPass = render_pass;
    fi.attachmentCount = static_cast<uint32_t>(views.size());
    fi.pAttachments = views.data();
    fi.width = extent.width;
    fi.height = extent.height;
    fi.layers = 1;
    VkFramebuffer fb;
    vk_check(vkCreateFramebuffer(ctx_->device, &fi, nullptr, &fb), "create framebuffer");
    framebuffers.push_back(fb);
  }
}

void Attachments::destroy_framebuffers() {
  for (VkFramebuffer fb : framebuffers) vkDestroyFramebuffer(ctx_->device, fb, nullptr);
  framebuffers.clear();
}

void Attachments::destroy() {
  if (!ctx_) return;
  destroy_framebuffers();
  msaa_color_.reset();
  depth_.reset();
  if (render_pass) vkDestroyRenderPass(ctx_->device, render_pass, nullptr);
  render_pass = VK_NULL_HANDLE;
  ctx_ = nullptr;
}

void begin_pass(VkCommandBuffer cmd, const Attachments& a, uint32_t index, const float clear[4]) {
  VkClearValue clears[3]{};
  for (int i = 0; i < 4; ++i) clears[0].color.float32[i] = clear[i];
  clears[1].depthStencil = {1.0f, 0};
  clears[2] = clears[0];
  VkRenderPassBeginInfo bi{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
  bi.renderPass = a.render_pass;
  bi.framebuffer = a.framebuffers[index];
  bi.renderArea = {{0, 0}, a.extent};
  bi.clearValueCount = a.samples != VK_SAMPLE_COUNT_1_BIT ? 3 : 2;
  bi.pClearValues = clears;
  vkCmdBeginRenderPass(cmd, &bi, VK_SUBPASS_CONTENTS_INLINE);
  VkViewport vp{0, 0, float(a.extent.width), float(a.extent.height), 0.0f, 1.0f};
  VkRect2D sc{{0, 0}, a.extent};
  vkCmdSetViewport(cmd, 0, 1, &vp);
  vkCmdSetScissor(cmd, 0, 1, &sc);
}

}  // namespace et::render
