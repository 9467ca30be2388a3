#version 450
// Sun + sky lighting in linear space; the sRGB target encodes on write.
#include "gpu_layout.h"

layout(set = 0, binding = ET_BINDING_FRAME) uniform Frame { FrameGpu frame; };
layout(push_constant) uniform Push { DrawPushGpu push; };

layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_color;
layout(location = 3) flat in uint in_flags;

layout(location = 0) out vec4 out_color;

void main() {
  // The excavation cuts its footprint out of the ground.
  if (push.kind == ET_DRAW_GROUND && frame.excavation_min.w > 0.5 &&
      all(greaterThan(in_world.xy, frame.excavation_min.xy)) &&
      all(lessThan(in_world.xy, frame.excavation_max.xy))) {
    discard;
  }
  // The section plane cuts away its far side (the side its normal points to) everywhere.
  if (dot(frame.section_plane.xyz, in_world) + frame.section_plane.w > 0.0) discard;
  vec3 n = normalize(in_normal);
  float alpha = push.kind == ET_DRAW_GROUND ? frame.params.x : in_color.a;
  // Through a section we look into solids (soil, blocks, pipes) and see their inner faces:
  // drawn flat and darker, they read as the cut's fill rather than as far walls.
  bool sectioned = dot(frame.section_plane.xyz, frame.section_plane.xyz) > 0.5;
  if (sectioned && dot(n, frame.camera_pos.xyz - in_world) < 0.0) {
    out_color = vec4(in_color.rgb * 0.42, alpha);
    return;
  }
  // Light the side facing the eye: thin and open geometry is seen from both sides, and
  // imported models do not agree on winding.
  if (dot(n, frame.camera_pos.xyz - in_world) < 0.0) n = -n;
  float sun = max(dot(n, frame.light_dir.xyz), 0.0);
  float sky = 0.5 + 0.5 * n.z;  // hemisphere: up-facing surfaces see more sky
  vec3 lit = in_color.rgb * (0.70 * sun + 0.35 * sky + 0.08);
  if ((in_flags & ET_ELEMENT_HIGHLIGHT) != 0u) lit = mix(lit, vec3(1.0, 0.85, 0.2), 0.45);
  if ((in_flags & ET_ELEMENT_SELECTED) != 0u) lit = mix(lit, vec3(1.0, 0.5, 0.0), 0.6);
  // Light aerial perspective so that far blocks read as far.
  float dist = length(in_world - frame.camera_pos.xyz);
  float fog = clamp(dist / frame.params.y, 0.0, 1.0);
  lit = mix(lit, frame.sky_color.rgb, fog * fog * 0.6);
  out_color = vec4(lit, alpha);
}
