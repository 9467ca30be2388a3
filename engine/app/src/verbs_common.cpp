#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "et/app/overlay.h"
#include "et/core/date.h"
#include "et/scene/bookmarks.h"
#include "verbs.h"

namespace et::app {

int fail(const Error& e, int code) {
  std::fprintf(stderr, "estatetwin: %s\n", e.message.c_str());
  return code;
}

int fail(const std::string& message, int code) { return fail(Error{message}, code); }

Result<double> parse_clock(const std::string& text) {
  int hh = 0, mm = 0, ss = 0;
  char extra = 0;
  int n = std::sscanf(text.c_str(), "%d:%d:%d%c", &hh, &mm, &ss, &extra);
  if ((n != 2 && n != 3) || hh < 0 || hh > 47 || mm < 0 || mm > 59 || ss < 0 || ss > 59)
    return Error{"--time: expected HH:MM or HH:MM:SS, got '" + text + "'"};
  return hh * 3600.0 + mm * 60.0 + ss;
}

std::set<std::string> view_value_options(std::set<std::string> more) {
  for (const char* o : {"view", "camera", "ground-opacity", "fov", "layers", "palette", "excavation", "section",
                        "overlay", "time", "tour", "at", "plan", "plan-b", "date"})
    more.insert(o);
  return more;
}

std::set<std::string> view_flag_options(std::set<std::string> more) {
  more.insert("xray");
  more.insert("help");
  return more;
}

const char* kViewOptionsHelp =
    "  --view NAME         a bookmark of the scene (e.g. overview, lane, pumphouse)\n"
    "  --camera EX,EY,EZ,TX,TY,TZ   eye and target in scene metres (x east, y north, z up)\n"
    "  --tour NAME --at S  the view of a tour S seconds in (what `record` draws then)\n"
    "  --ground-opacity A  0 (invisible) .. 1 (opaque); default: the bookmark's\n"
    "  --fov DEG           vertical field of view; default: the bookmark's (45)\n"
    "  --layers L,L,...    visible layers: buildings, ground, water, drainage, gas, power,\n"
    "                      telecom, heat, drop_lines (default: the bookmark's)\n"
    "  --xray              draw buried networks over the ground\n"
    "  --palette P         utility colours: cjj61 (CJJ 61-2017, default) or apwa\n"
    "  --excavation X0,Y0,Z0,X1,Y1,Z1   cut a box out of the ground (z0 < 0 is its floor)\n"
    "  --section X,Y,Z,NX,NY,NZ   a section plane through X,Y,Z: what lies on the side the\n"
    "                      normal NX,NY,NZ points to is cut away (not drawn, not picked)\n"
    "  --overlay MODE      colour networks by: utility (default), condition, age, material,\n"
    "                      risk, pressure, velocity, flow, headloss, live, alarm, staleness,\n"
    "                      measured_minus_simulated\n"
    "  --time HH:MM        the scenario clock (simulation, sensor replay), default 08:00\n"
    "  --plan ID           draw the networks as relocation plan ID leaves them (\"\" = as found)\n"
    "  --plan-b ID         split the view: --plan on the left, plan ID on the right\n"
    "  --date YYYY-MM-DD   show the plans as they stand that day (4D schedule: open trenches,\n"
    "                      lines laid so far) instead of complete\n";

Result<ViewState> view_from_args(const Scene& scene, const Args& args) {
  ViewState v;
  v.ground_opacity = scene.ground.opacity;
  if (args.has("view") + args.has("camera") + args.has("tour") > 1)
    return Error{"--view, --camera and --tour are alternatives: give one"};
  if (args.has("at") && !args.has("tour")) return Error{"--at needs --tour"};
  if (args.has("view")) {
    const Bookmark* b = scene.find_bookmark(args.get("view"));
    if (!b) {
      std::string names;
      for (const Bookmark& bm : scene.bookmarks) names += (names.empty() ? "" : ", ") + bm.name;
      // Saved bookmarks (bookmarks.json) replace scene.json's: name the file they came from.
      const bool saved = std::filesystem::exists(bookmarks_path(scene));
      return make_error(saved ? bookmarks_path(scene) : scene.path, "/bookmarks",
                        "unknown bookmark '" + args.get("view") + "' (have: " + names + ")");
    }
    v = b->view;
  } else if (args.has("camera")) {
    auto n = parse_numbers(args.get("camera"), 6, "--camera EX,EY,EZ,TX,TY,TZ");
    if (!n) return n.error();
    v.camera.eye = {(*n)[0], (*n)[1], (*n)[2]};
    v.camera.target = {(*n)[3], (*n)[4], (*n)[5]};
    if (glm::length(v.camera.eye - v.camera.target) < 1e-6)
      return Error{"--camera: eye and target coincide"};
  } else if (args.has("tour")) {
    auto t = tour_view_from_args(scene, args);
    if (!t) return t.error();
    v = *t;
  } else if (!scene.bookmarks.empty()) {
    v = scene.bookmarks.front().view;
  }
  if (args.has("ground-opacity")) {
    auto a = parse_double(args.get("ground-opacity"), 0.0, 1.0, "--ground-opacity");
    if (!a) return a.error();
    v.ground_opacity = *a;
  }
  if (args.has("layers")) {
    v.layers.fill(false);
    for (const std::string& name : split_list(args.get("layers"))) {
      Layer l = layer_from_name(name);
      if (l == Layer::kCount) return Error{"--layers: unknown layer '" + name + "'"};
      v.layers[static_cast<int>(l)] = true;
    }
  }
  if (args.has("xray")) v.xray = true;
  if (args.has("palette")) {
    v.palette = args.get("palette");
    if (v.palette != "cjj61" && v.palette != "apwa")
      return Error{"--palette: expected cjj61 or apwa, got '" + v.palette + "'"};
  }
  if (args.has("excavation")) {
    auto n = parse_numbers(args.get("excavation"), 6, "--excavation X0,Y0,Z0,X1,Y1,Z1");
    if (!n) return n.error();
    v.excavation.enabled = true;
    v.excavation.min = {(*n)[0], (*n)[1], (*n)[2]};
    v.excavation.max = {(*n)[3], (*n)[4], (*n)[5]};
    for (int i = 0; i < 3; ++i)
      if (v.excavation.max[i] <= v.excavation.min[i])
        return Error{"--excavation: expected X1 > X0, Y1 > Y0 and Z1 > Z0"};
  }
  if (args.has("section")) {
    auto n = parse_numbers(args.get("section"), 6, "--section X,Y,Z,NX,NY,NZ");
    if (!n) return n.error();
    glm::dvec3 normal((*n)[3], (*n)[4], (*n)[5]);
    if (glm::length(normal) < 1e-9) return Error{"--section: expected a non-zero normal NX,NY,NZ"};
    v.section = {true, {(*n)[0], (*n)[1], (*n)[2]}, glm::normalize(normal)};
  }
  if (args.has("overlay")) v.overlay = args.get("overlay");
  OverlayMode mode;
  if (!overlay_from_name(v.overlay, mode))
    return Error{"--overlay: unknown overlay '" + v.overlay + "' (have: " + overlay_names() + ")"};
  if (args.has("time")) {
    auto t = parse_clock(args.get("time"));
    if (!t) return t.error();
    // A staged view (a bookmark's date) keeps its day; --time sets the time of day.
    v.time_s = (v.staged ? std::floor(v.time_s / 86400.0) * 86400.0 : 0.0) + *t;
  }
  if (args.has("plan")) v.plan = args.get("plan");
  if (args.has("plan-b")) v.plan_b = args.get("plan-b");
  if (args.has("date")) {
    std::optional<int> day = parse_date(args.get("date"));
    if (!day) return Error{"--date: expected a date YYYY-MM-DD, got '" + args.get("date") + "'"};
    if (*day < scene.epoch_day)
      return Error{"--date: " + args.get("date") + " is before the scene's epoch " +
                   format_date(scene.epoch_day)};
    v.time_s = std::fmod(v.time_s, 86400.0) + double(*day - scene.epoch_day) * 86400.0;
    v.staged = true;
  }
  if (args.has("fov")) {
    auto f = parse_double(args.get("fov"), 5.0, 150.0, "--fov");
    if (!f) return f.error();
    v.camera.fov_deg = *f;
  }
  return v;
}

}  // namespace et::app
