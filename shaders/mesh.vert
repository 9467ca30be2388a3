#version 450
// Every mesh instance: position and normal in model space, sRGB vertex colour.
#include "gpu_layout.h"

layout(set = 0, binding = ET_BINDING_FRAME) uniform Frame { FrameGpu frame; };
layout(std430, set = 0, binding = ET_BINDING_INSTANCES) readonly buffer Instances { InstanceGpu instances[]; };
layout(std430, set = 0, binding = ET_BINDING_ELEMENTS) readonly buffer Elements { ElementGpu elements[]; };
layout(push_constant) uniform Push { DrawPushGpu push; };

layout(location = 0) in vec3 in_pos;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_color;  // UNORM8, sRGB-encoded

layout(location = 0) out vec3 out_world;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec4 out_color;  // linear
layout(location = 3) flat out uint out_flags;

vec3 srgb_to_linear(vec3 c) {
  return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), step(0.04045, c));
}

void main() {
  InstanceGpu inst = instances[gl_InstanceIndex];
  ElementGpu el = elements[inst.element];
  vec3 pos = in_pos;
  if ((inst.flags & ET_INSTANCE_MIN_WIDTH) != 0u) {
    // Widen the cross-section so it subtends at least params.z radians from the eye.
    vec3 axis = (inst.model * vec4(in_pos.x, 0.0, 0.0, 1.0)).xyz;
    float r = max(length(inst.model[1].xyz), 1e-4);
    float need = frame.params.z * distance(axis, frame.camera_pos.xyz);
    pos.yz *= max(1.0, need / r);
  }
  vec4 world = inst.model * vec4(pos, 1.0);
  out_world = world.xyz;
  out_normal = normalize(mat3(inst.model) * in_normal);
  vec3 base = srgb_to_linear(in_color.rgb);
  out_color = vec4(mix(base, el.tint.rgb, el.tint.a), in_color.a);
  out_flags = el.flags;
  gl_Position = frame.view_proj * world;
  if ((el.flags & ET_ELEMENT_HIDDEN) != 0u) {
    gl_Position = vec4(0.0, 0.0, -2.0, 1.0);  // outside the clip volume: culled
  }
}
