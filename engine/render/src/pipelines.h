// Pipelines and descriptor layout for the mesh shaders (shaders/mesh.*).
#pragma once

#include "context.h"

namespace et::render {

struct Pipelines {
  VkDescriptorSetLayout set_layout = VK_NULL_HANDLE;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  VkPipeline opaque = VK_NULL_HANDLE;  // depth test + write, no blending
  VkPipeline ground = VK_NULL_HANDLE;  // alpha blended with the frame's ground opacity
  VkPipeline ground_xray = VK_NULL_HANDLE;  // the same, writing no depth

  void create(Context& ctx, VkRenderPass pass, VkSampleCountFlagBits samples);
  void destroy(Context& ctx);
};

}  // namespace et::render
