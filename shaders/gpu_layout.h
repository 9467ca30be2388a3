// GPU data layouts shared by C++ (engine/render) and GLSL (shaders/). One definition of
// every struct the GPU reads, so the two sides cannot drift apart; the C++ side checks
// sizes with static_assert. Layout is std430 for storage buffers, std140 for the frame UBO:
// keep members vec4/mat4-sized or pad explicitly.
#ifndef ESTATETWIN_GPU_LAYOUT_H
#define ESTATETWIN_GPU_LAYOUT_H

#ifdef __cplusplus
#include <cstdint>
#include <glm/glm.hpp>
namespace et::gpu {
using vec4 = glm::vec4;
using mat4 = glm::mat4;
using uint = std::uint32_t;
#define ET_GPU_STRUCT struct
#else
#define ET_GPU_STRUCT struct
#endif

// Descriptor bindings of set 0.
#define ET_BINDING_FRAME 0
#define ET_BINDING_INSTANCES 1
#define ET_BINDING_ELEMENTS 2

// Element flags (ElementGpu.flags).
#define ET_ELEMENT_HIDDEN 1u
#define ET_ELEMENT_HIGHLIGHT 2u
#define ET_ELEMENT_SELECTED 4u

// Instance flags (InstanceGpu.flags).
// Thin lines (pipes, cables) keep a minimum width on screen: the cross-section (model y, z)
// widens with distance to params.z radians, so a DN50 service still reads from above.
#define ET_INSTANCE_MIN_WIDTH 1u

// Draw kinds (push constant `kind`): opaque geometry, or the translucent ground.
#define ET_DRAW_OPAQUE 0u
#define ET_DRAW_GROUND 1u

// Per-frame constants (uniform buffer, std140).
ET_GPU_STRUCT FrameGpu {
  mat4 view_proj;
  vec4 camera_pos;    // xyz: eye in local ENU metres
  vec4 light_dir;     // xyz: direction towards the sun, normalised
  vec4 sky_color;     // linear RGB of the sky, used for ambient light and fog
  vec4 params;        // x: ground opacity, y: fog distance (m), z: min angular radius of
                      // thin lines (rad), w: unused
  vec4 excavation_min;  // xyz: the excavation box's low corner; w: 1 when there is one
  vec4 excavation_max;  // xyz: its high corner
  vec4 section_plane;   // xyz: unit normal, w: offset; dot(n, p) + w > 0 is cut away; 0: none
};

// One instance of a mesh (storage buffer, std430), indexed by gl_InstanceIndex.
ET_GPU_STRUCT InstanceGpu {
  mat4 model;
  uint element;  // index into the element buffer
  uint flags;    // ET_INSTANCE_*
  uint pad1;
  uint pad2;
};

// Per-element overlay state (storage buffer, std430), indexed by element id.
ET_GPU_STRUCT ElementGpu {
  vec4 tint;   // rgb: linear colour; a: how much it replaces the vertex colour (0..1)
  uint flags;  // ET_ELEMENT_*
  uint pad0;
  uint pad1;
  uint pad2;
};

// Push constants for one draw.
ET_GPU_STRUCT DrawPushGpu {
  uint kind;  // ET_DRAW_*
  uint pad0;
  uint pad1;
  uint pad2;
};

#ifdef __cplusplus
static_assert(sizeof(FrameGpu) == 176, "FrameGpu must match the std140 layout");
static_assert(sizeof(InstanceGpu) == 80, "InstanceGpu must match the std430 layout");
static_assert(sizeof(ElementGpu) == 32, "ElementGpu must match the std430 layout");
static_assert(sizeof(DrawPushGpu) == 16, "DrawPushGpu must match the push constant block");
}  // namespace et::gpu
#endif

#endif
