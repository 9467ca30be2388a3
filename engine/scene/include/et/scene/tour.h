// Tours: timed sequences of ViewStates (DESIGN.md "a tour is a timed sequence of them"). One
// timeline drives everything a frame shows: the camera follows a centripetal Catmull-Rom
// spline through the keys' eyes and targets with easing, the scenario clock runs linearly
// from key to key (sensor replay, simulation, schedule date), and discrete fields (layers,
// overlay, plan, palette, x-ray) switch at the keys. Stored in the scene folder as
// tours.json (format estatetwin-tours/1, README "Tours"); plain data, no Vulkan or ImGui.
#pragma once

#include <string>
#include <vector>

#include "et/core/error.h"
#include "et/scene/scene.h"
#include "et/scene/view_state.h"

namespace et {

enum class Ease { kInOut, kIn, kOut, kLinear };
const char* ease_name(Ease e);  // "in_out", "in", "out", "linear"

struct TourKey {
  ViewState view;
  // Seconds from this key to the next; the last key holds its view this long. 0 cuts.
  double duration_s = 4.0;
  Ease ease = Ease::kInOut;  // of the move from this key to the next
  std::string bookmark;      // the bookmark it was taken from ("": all fields inline)
};

struct Tour {
  std::string name;
  std::string description;
  std::vector<TourKey> keys;

  double length_s() const;           // sum of the keys' durations
  double key_time(size_t i) const;   // when key i is reached
};

// The eased fraction of a move at linear fraction u in [0, 1].
double ease(Ease e, double u);

// What the tour shows at time t (clamped to [0, length]). At a key's time it is exactly that
// key's view. An empty tour gives a default ViewState.
ViewState tour_view_at(const Tour& tour, double t);

// Centripetal Catmull-Rom (alpha 0.5, Barry-Goldman) on the segment p1 -> p2 at u in [0, 1];
// coincident points are allowed (the segment stays put rather than dividing by zero).
glm::dvec3 catmull_rom(const glm::dvec3& p0, const glm::dvec3& p1, const glm::dvec3& p2,
                       const glm::dvec3& p3, double u);

// Parses tours.json text; bookmark names and dates are resolved against `scene`. Errors name
// the file, the JSON pointer and the tour: "tours.json: /tours/0/keys/2/bookmark: tour
// 'x': unknown bookmark 'y'".
Result<std::vector<Tour>> parse_tours(const std::string& text, const std::string& path,
                                      const Scene& scene);
// The scene's tours file (scene.tours_file, else tours.json when present); none: empty list.
Result<std::vector<Tour>> load_tours(const Scene& scene);
// Where the scene's tours are stored (the file need not exist yet).
std::string tours_path(const Scene& scene);
// tours.json text; keys taken from a bookmark keep only the fields that differ from it.
std::string tours_json(const std::vector<Tour>& tours, const Scene& scene);
// Writes tours_path(scene) atomically (the window's tour panel saves with it).
Status save_tours(const std::vector<Tour>& tours, const Scene& scene);

}  // namespace et
