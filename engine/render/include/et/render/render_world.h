// The flat world the renderer draws: meshes, instances and per-element overlay state.
// app/ builds it from a Scene; the renderer never sees scene types. Element ids index
// `elements` and are what picking and overlays refer to.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace et::render {

struct Vertex {
  glm::vec3 position;
  glm::vec3 normal;
  std::uint32_t color;  // sRGB RGBA8, r in the low byte
};
static_assert(sizeof(Vertex) == 28, "Vertex is read as 3+3 floats and 4 bytes");

struct MeshData {
  std::vector<Vertex> vertices;
  std::vector<std::uint32_t> indices;
};

// Sides of a split frame, as Instance::views bits.
constexpr std::uint8_t kViewLeft = 1, kViewRight = 2, kViewBoth = 3;

// How an instance is drawn: opaque, or as part of the translucent ground surface.
enum class Pass : std::uint8_t { kOpaque = 0, kGround = 1 };

struct Instance {
  std::uint32_t mesh = 0;
  glm::mat4 model{1.0f};
  std::uint32_t element = 0;
  std::uint32_t layer = 0;  // 0..31; a frame draws the layers in FrameParams::layer_mask
  Pass pass = Pass::kOpaque;
  bool min_width = false;  // a thin line: keep FrameParams::min_line_angle on screen
  // Which sides of a split frame draw it (FrameParams::split): kViewLeft is also the whole
  // frame when it is not split. Two worlds share one set of buffers this way (A/B plans).
  std::uint8_t views = kViewBoth;
};

enum ElementFlags : std::uint32_t {
  kElementHidden = 1u,
  kElementHighlight = 2u,
  kElementSelected = 4u,
};

struct Element {
  glm::vec4 tint{0.0f};  // rgb linear colour; a = how much it replaces the vertex colour
  std::uint32_t flags = 0;
};

struct RenderWorld {
  std::vector<MeshData> meshes;
  std::vector<Instance> instances;
  std::vector<Element> elements;
};

struct FrameParams {
  glm::mat4 view{1.0f};
  glm::mat4 proj{1.0f};  // Vulkan clip space: y down, depth 0..1
  glm::vec3 camera_pos{0.0f};
  glm::vec3 light_dir{0.4f, -0.5f, 0.75f};
  glm::vec3 sky_color{0.62f, 0.74f, 0.86f};  // sRGB, also the clear colour
  float ground_opacity = 1.0f;
  float fog_distance = 1500.0f;
  float min_line_angle = 0.0012f;  // radians; ~1.5 px at 1080p with a 45 degree fov
  std::uint32_t layer_mask = 0xffffffffu;
  // X-ray: these layers are drawn after the ground, which then writes no depth, so they
  // show through it (buildings still hide them).
  bool xray = false;
  std::uint32_t xray_layer_mask = 0;
  // The ground is not drawn inside this box's x/y footprint (an excavation).
  bool excavation = false;
  glm::vec3 excavation_min{0.0f};
  glm::vec3 excavation_max{0.0f};
  // Section plane (xyz: unit normal, w: -dot(normal, point)): fragments with
  // dot(normal, p) + w > 0 are discarded, in every pass. All zero: no section.
  glm::vec4 section_plane{0.0f};
  bool clear_only = false;  // bench peer: clear the target and draw nothing
  // Split screen: the left half draws the kViewLeft instances, the right half the
  // kViewRight ones, both through `view`/`proj` (one camera; proj's aspect should be the
  // half's), with a divider line between them.
  bool split = false;
  glm::vec3 divider_color{0.08f, 0.08f, 0.09f};  // sRGB
};

}  // namespace et::render
