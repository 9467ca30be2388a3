#include "et/app/overlay.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "et/core/file_io.h"
#include "et/ui/i18n.h"

namespace et::app {
namespace {

constexpr const char* kNames[int(OverlayMode::kCount)] = {
    "utility", "condition", "age",  "material",  "risk",  "diff", "pressure", "velocity",
    "flow",    "headloss",  "live", "alarm",     "staleness", "measured_minus_simulated"};

const glm::u8vec3 kNoValue{120, 120, 120};  // elements the overlay has nothing to say about

// Condition grades, CJJ 181-2012 structural grades I..IV, or the words surveys use.
int condition_grade(const std::string& c) {
  static const std::map<std::string, int> grades = {
      {"I", 1},    {"II", 2},   {"III", 3},      {"IV", 4},       {"good", 1},
      {"fair", 2}, {"poor", 3}, {"critical", 4}, {"very_poor", 4}, {"new", 1}};
  auto it = grades.find(c);
  return it == grades.end() ? 0 : it->second;
}

std::string fmt_km(const std::vector<Network>& networks, Utility u) {
  double km = 0.0;
  for (const Network& n : networks)
    if (n.utility == u) km += n.length_km();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%6.2f km", km);
  return buf;
}

}  // namespace

const char* overlay_name(OverlayMode m) { return kNames[int(m)]; }

bool overlay_from_name(const std::string& name, OverlayMode& out) {
  for (int i = 0; i < int(OverlayMode::kCount); ++i)
    if (name == kNames[i]) return out = OverlayMode(i), true;
  return false;
}

std::string overlay_names() {
  std::string s;
  for (int i = 0; i < int(OverlayMode::kCount); ++i) s += (i ? ", " : "") + std::string(kNames[i]);
  return s;
}

std::string value_key(Utility u, const std::string& id) {
  std::string k = utility_name(u);
  k += '/';
  k += id;
  return k;
}

BreakRate BreakModel::rate(const std::string& material) const {
  auto it = materials.find(material);
  if (it != materials.end()) return it->second;
  it = materials.find("default");
  return it != materials.end() ? it->second : BreakRate{};
}

double BreakModel::breaks_per_year(const std::string& material, int install_year, double year,
                                   double length_km) const {
  BreakRate r = rate(material);
  double age = install_year > 0 ? std::max(0.0, year - install_year) : 0.0;
  return r.n0_per_km_year * std::exp(r.a_per_year * age) * length_km;
}

Result<BreakModel> load_break_model(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  BreakModel m;
  try {
    nlohmann::json j = nlohmann::json::parse(*text);
    for (const auto& [name, v] : j.at("materials").items()) {
      BreakRate r;
      r.n0_per_km_year = v.at("n0_per_km_year").get<double>();
      r.a_per_year = v.at("a_per_year").get<double>();
      if (!(r.n0_per_km_year >= 0) || !(r.a_per_year >= 0) || r.a_per_year > 1.0)
        return make_error(path, "/materials/" + name, "expected n0 >= 0 and 0 <= a <= 1");
      m.materials[name] = r;
    }
  } catch (const nlohmann::json::exception& e) {
    return make_error(path, "", std::string("expected {\"materials\": {NAME: {\"n0_per_km_year\", "
                                            "\"a_per_year\"}}}: ") + e.what());
  }
  return m;
}

Result<BreakModel> default_break_model(const std::string& scene_dir) {
  std::error_code ec;
  std::string own = scene_dir + "/break_rates.json";
  if (std::filesystem::exists(own, ec)) return load_break_model(own);
  const char* env = std::getenv("ESTATETWIN_ASSETS");
  std::string assets = env && *env ? env : ESTATETWIN_ASSETS_DIR;
  return load_break_model(assets + "/break_rates.json");
}

const std::vector<glm::u8vec3>& ramp_stops() {
  // Blue (low) to red (high), a diverging ramp that reads on a projector.
  static const std::vector<glm::u8vec3> stops = {
      {49, 54, 149}, {69, 117, 180}, {116, 173, 209}, {254, 224, 144}, {244, 109, 67}, {165, 0, 38}};
  return stops;
}

glm::u8vec3 ramp_color(double t) {
  const auto& s = ramp_stops();
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * double(s.size() - 1);
  size_t i = std::min(size_t(t), s.size() - 2);
  double f = t - double(i);
  glm::dvec3 c = glm::mix(glm::dvec3(s[i]), glm::dvec3(s[i + 1]), f);
  return glm::u8vec3(glm::round(c));
}

namespace {

// The diff overlay: every link and node by how the plan changes it. Removed links are
// only drawn here (thin, from where they lie now).
void diff_colors(const SceneWorld& sw, OverlayResult& r) {
  const glm::u8vec3 colors[int(plan::Change::kCount)] = {
      {150, 150, 150}, {40, 200, 70}, {225, 40, 40}, {255, 150, 20}};
  using ui::tr;  // legend text in the UI language; recomputed when it changes
  r.legend.title = sw.plan ? tr("Plan") + (" " + sw.plan->id + " ") + tr("against as found")
                           : std::string(tr("As found (no plan)"));
  for (plan::Change c : {plan::Change::kAdded, plan::Change::kRemoved, plan::Change::kMoved,
                         plan::Change::kUnchanged}) {
    int n = 0;
    for (const ElementRef& e : sw.elements) n += e.kind == ElementRef::Kind::kLink && e.change == c;
    r.legend.entries.push_back(
        {tr(plan::change_name(c)), colors[int(c)], std::to_string(n) + " " + tr("links")});
  }
  for (size_t i = 0; i < sw.elements.size(); ++i) {
    const ElementRef& e = sw.elements[i];
    if (e.kind != ElementRef::Kind::kLink && e.kind != ElementRef::Kind::kNode) continue;
    r.elements[i].tint = glm::vec4(srgb_to_linear(colors[int(e.change)]), 1.0f);
    r.elements[i].flags &= ~std::uint32_t(render::kElementHidden);
  }
}

}  // namespace

OverlayResult compute_overlay(const Scene& scene, const SceneWorld& sw, OverlayMode mode,
                              Palette palette, const OverlayInputs& in) {
  OverlayResult r;
  r.elements = element_colors(scene, sw, palette);
  r.elements[kFlowArrowElement].tint = glm::vec4(1.0f, 1.0f, 1.0f, 1.0f);
  for (size_t i = 0; i < sw.elements.size(); ++i)
    if (sw.elements[i].removed) r.elements[i].flags |= render::kElementHidden;
  if (mode == OverlayMode::kDiff) {
    diff_colors(sw, r);
    return r;
  }
  if (mode == OverlayMode::kUtility) {
    r.legend.title = ui::tr(palette == Palette::kApwa ? "APWA colour code" : "CJJ 61-2017 colours");
    for (int u = 0; u < int(Utility::kCount); ++u)
      for (const Network& n : sw.networks)
        if (int(n.utility) == u) {
          r.legend.entries.push_back({ui::tr(utility_name(Utility(u))), utility_color(palette, Utility(u)),
                                      fmt_km(sw.networks, Utility(u))});
          break;
        }
    return r;
  }
  // Numeric value per element (NaN: none), or a category index for materials.
  std::vector<double> value(sw.elements.size(), std::nan(""));
  std::vector<std::string> materials;
  if (mode == OverlayMode::kMaterial) {
    std::set<std::string> all;
    for (const Network& n : sw.networks)
      for (const NetLink& l : n.links) all.insert(l.material.empty() ? "unknown" : l.material);
    materials.assign(all.begin(), all.end());
  }
  BreakModel fallback;
  const BreakModel& breaks = in.breaks ? *in.breaks : fallback;
  for (size_t i = 0; i < sw.elements.size(); ++i) {
    const ElementRef& e = sw.elements[i];
    if (e.kind != ElementRef::Kind::kLink && e.kind != ElementRef::Kind::kNode) continue;
    const Network& net = element_network(scene, sw, e);
    if (e.kind == ElementRef::Kind::kLink) {
      const NetLink& l = net.links[size_t(e.index)];
      switch (mode) {
        case OverlayMode::kCondition: if (int g = condition_grade(l.condition)) value[i] = g; break;
        case OverlayMode::kAge:
          if (l.install_year > 0) value[i] = in.year - l.install_year;
          break;
        case OverlayMode::kMaterial: {
          std::string m = l.material.empty() ? "unknown" : l.material;
          value[i] = double(std::find(materials.begin(), materials.end(), m) - materials.begin());
          break;
        }
        case OverlayMode::kRisk:
          if (net.utility == Utility::kWater || net.utility == Utility::kDrainage ||
              net.utility == Utility::kGas || net.utility == Utility::kHeat)
            value[i] = breaks.breaks_per_year(l.material, l.install_year, in.year, l.length_m() / 1000.0);
          break;
        default:
          if (in.link_values) {
            auto it = in.link_values->find(value_key(net.utility, l.id));
            if (it != in.link_values->end()) value[i] = it->second;
          }
      }
    } else {
      const NetNode& n = net.nodes[size_t(e.index)];
      if (mode == OverlayMode::kCondition) {
        if (int g = condition_grade(n.condition)) value[i] = g;
      } else if (mode == OverlayMode::kAge) {
        if (n.install_year > 0) value[i] = in.year - n.install_year;
      } else if (in.node_values) {
        auto it = in.node_values->find(value_key(net.utility, n.id));
        if (it != in.node_values->end()) value[i] = it->second;
      }
    }
  }
  ui::Legend& lg = r.legend;
  if (mode == OverlayMode::kCondition) {
    using ui::tr;
    lg.title = tr("Condition (CJJ 181 grade)");
    const char* names[4] = {"I good", "II fair", "III poor", "IV critical"};
    for (int g = 0; g < 4; ++g) lg.entries.push_back({tr(names[g]), ramp_color(g / 3.0), ""});
    lg.entries.push_back({tr("not graded"), kNoValue, ""});
  } else if (mode == OverlayMode::kMaterial) {
    lg.title = ui::tr("Material");
    for (size_t k = 0; k < materials.size(); ++k) {
      // Spread categories over the ramp; fine for the handful of materials a network has.
      lg.entries.push_back({ui::tr(materials[k]),
                            ramp_color(materials.size() > 1 ? double(k) / double(materials.size() - 1) : 0.0),
                            ""});
    }
  } else {
    lg.ramp = true;
    lg.stops = ramp_stops();
    double lo = INFINITY, hi = -INFINITY;
    for (double v : value)
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (!std::isfinite(lo)) lo = 0.0, hi = 1.0;
    if (hi - lo < 1e-9) hi = lo + 1.0;
    lg.lo = lo;
    lg.hi = hi;
    switch (mode) {
      case OverlayMode::kAge: lg.title = ui::tr("Age"); lg.unit = ui::tr("years"); lg.lo = 0.0; break;
      case OverlayMode::kRisk: lg.title = ui::tr("Break risk"); lg.unit = ui::tr("breaks/year"); lg.lo = 0.0; break;
      case OverlayMode::kAlarm:  // a fixed scale: the colour of "alarm" must not depend on the day
        lg.title = ui::tr("Alarm state"); lg.unit = in.value_unit; lg.lo = 0.0; lg.hi = 2.0; break;
      default: lg.title = ui::tr(overlay_name(mode)); lg.unit = in.value_unit;
    }
  }
  for (size_t i = 0; i < sw.elements.size(); ++i) {
    const ElementRef& e = sw.elements[i];
    if (e.kind != ElementRef::Kind::kLink && e.kind != ElementRef::Kind::kNode) continue;
    glm::u8vec3 c = kNoValue;
    if (std::isfinite(value[i])) {
      if (mode == OverlayMode::kCondition) c = ramp_color((value[i] - 1.0) / 3.0);
      else if (mode == OverlayMode::kMaterial) c = lg.entries[size_t(value[i])].color;
      else c = ramp_color((value[i] - lg.lo) / (lg.hi - lg.lo));
    }
    r.elements[i].tint = glm::vec4(srgb_to_linear(c), 1.0f);
  }
  return r;
}

}  // namespace et::app
