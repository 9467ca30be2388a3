#include "view_fields.h"

#include <cmath>
#include <cstdio>
#include <optional>

#include "et/core/date.h"

namespace et::detail {

using json = nlohmann::json;
using json_io::Field;

void read_view_fields(const Field& f, int epoch_day, bool require_camera, ViewState& v) {
  if (!f.raw().is_object()) f.fail("expected an object");
  if (require_camera || f.has("eye")) v.camera.eye = f["eye"].vec3();
  if (require_camera || f.has("target")) v.camera.target = f["target"].vec3();
  if (glm::length(v.camera.eye - v.camera.target) < 1e-6)
    (f.has("target") ? f["target"] : f["eye"]).fail("eye and target coincide");
  if (f.has("fov_deg")) v.camera.fov_deg = f["fov_deg"].num_in(5.0, 150.0);
  if (f.has("ground_opacity")) v.ground_opacity = f["ground_opacity"].num_in(0.0, 1.0);
  if (f.has("xray")) {
    if (!f["xray"].raw().is_boolean()) f["xray"].fail("expected true or false");
    v.xray = f["xray"].raw().get<bool>();
  }
  if (f.has("palette")) {
    v.palette = f["palette"].str();
    if (v.palette != "cjj61" && v.palette != "apwa") f["palette"].fail("expected \"cjj61\" or \"apwa\"");
  }
  if (f.has("overlay")) v.overlay = f["overlay"].str();  // checked by the app
  if (f.has("time")) {
    std::string t = f["time"].str();
    int hh = 0, mm = 0, ss = 0;
    char extra = 0;
    int n = std::sscanf(t.c_str(), "%d:%d:%d%c", &hh, &mm, &ss, &extra);
    if ((n != 2 && n != 3) || hh < 0 || hh > 47 || mm < 0 || mm > 59 || ss < 0 || ss > 59)
      f["time"].fail("expected a time of day HH:MM, got \"" + t + "\"");
    // A staged view keeps its schedule day; otherwise the clock counts from day 0.
    double day_s = v.staged ? std::floor(v.time_s / 86400.0) * 86400.0 : 0.0;
    v.time_s = day_s + hh * 3600.0 + mm * 60.0 + ss;
  }
  // Plans are checked by the app, which loads them (engine/plan).
  if (f.has("plan")) v.plan = f["plan"].str();
  if (f.has("plan_b")) v.plan_b = f["plan_b"].str();
  if (f.has("date")) {  // a schedule date: the plan as it stands that day, at the time above
    std::optional<int> day = parse_date(f["date"].str());
    if (!day) f["date"].fail("expected a date YYYY-MM-DD");
    if (*day < epoch_day) f["date"].fail("expected a date on or after the scene's epoch");
    v.time_s = std::fmod(v.time_s, 86400.0) + (*day - epoch_day) * 86400.0;
    v.staged = true;
  }
  if (f.has("excavation")) {
    Field e = f["excavation"];
    v.excavation.enabled = true;
    v.excavation.min = e["min"].vec3();
    v.excavation.max = e["max"].vec3();
    for (int i = 0; i < 3; ++i)
      if (v.excavation.max[i] <= v.excavation.min[i]) e["max"].fail("expected max > min on every axis");
  }
  if (f.has("section")) {  // {"point": [x,y,z], "normal": [nx,ny,nz]}: the normal's side is cut
    Field s = f["section"];
    v.section.enabled = true;
    v.section.point = s["point"].vec3();
    glm::dvec3 n = s["normal"].vec3();
    if (glm::length(n) < 1e-9) s["normal"].fail("expected a non-zero normal");
    v.section.normal = glm::normalize(n);
  }
  if (f.has("layers")) {
    Field layers = f["layers"];
    v.layers.fill(false);
    for (size_t i = 0; i < layers.array_size(); ++i) {
      Layer l = layer_from_name(layers.at(i).str());
      if (l == Layer::kCount) layers.at(i).fail("unknown layer '" + layers.at(i).str() + "'");
      v.layers[static_cast<int>(l)] = true;
    }
  }
}

namespace {

json vec(const glm::dvec3& p) { return json::array({p.x, p.y, p.z}); }

// "HH:MM", or "HH:MM:SS" when the clock is not on a whole minute.
std::string clock_text(double seconds_of_day) {
  long s = std::lround(seconds_of_day);
  char buf[32];
  if (s % 60 == 0) std::snprintf(buf, sizeof buf, "%02ld:%02ld", s / 3600, s / 60 % 60);
  else std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

}  // namespace

json write_view_fields(const ViewState& v, const ViewState* base, int epoch_day) {
  json out = json::object();
  auto differs = [&](auto member) { return !base || v.*member != base->*member; };
  if (!base || v.camera.eye != base->camera.eye) out["eye"] = vec(v.camera.eye);
  if (!base || v.camera.target != base->camera.target) out["target"] = vec(v.camera.target);
  if (!base || v.camera.fov_deg != base->camera.fov_deg) out["fov_deg"] = v.camera.fov_deg;
  if (differs(&ViewState::ground_opacity)) out["ground_opacity"] = v.ground_opacity;
  if (differs(&ViewState::xray)) out["xray"] = v.xray;
  if (differs(&ViewState::palette)) out["palette"] = v.palette;
  if (differs(&ViewState::overlay)) out["overlay"] = v.overlay;
  if (differs(&ViewState::time_s) || differs(&ViewState::staged)) {
    double day = v.staged ? std::floor(v.time_s / 86400.0) : 0.0;
    out["time"] = clock_text(v.time_s - day * 86400.0);
    if (v.staged) out["date"] = format_date(epoch_day + int(day));
  }
  if (differs(&ViewState::plan)) out["plan"] = v.plan;
  if (differs(&ViewState::plan_b)) out["plan_b"] = v.plan_b;
  const Excavation& e = v.excavation;
  if (e.enabled && (!base || !base->excavation.enabled || e.min != base->excavation.min ||
                    e.max != base->excavation.max))
    out["excavation"] = {{"min", vec(e.min)}, {"max", vec(e.max)}};
  const Section& s = v.section;
  if (s.enabled && (!base || !base->section.enabled || s.point != base->section.point ||
                    s.normal != base->section.normal))
    out["section"] = {{"point", vec(s.point)}, {"normal", vec(s.normal)}};
  if (differs(&ViewState::layers)) {
    json layers = json::array();
    for (int i = 0; i < kLayerCount; ++i)
      if (v.layers[size_t(i)]) layers.push_back(layer_name(Layer(i)));
    out["layers"] = layers;
  }
  return out;
}

}  // namespace et::detail
