// JSON for the plan and lane files (README "Plans"), and writing them next to scene.json.
// Coordinates are rounded to centimetres like the rest of scene.json, so the bytes depend on
// nothing but the values.
#include "plan_writer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "et/core/date.h"
#include "et/core/file_io.h"

namespace et::gen {

namespace {

using Json = nlohmann::ordered_json;  // keeps the README's key order

Json xy(glm::dvec2 p) { return Json::array({round_cm(p.x), round_cm(p.y)}); }

Json points(const std::vector<glm::dvec2>& path) {
  Json a = Json::array();
  for (const glm::dvec2& p : path) a.push_back(xy(p));
  return a;
}

double round_to(double v, double step) { return round_cm(std::round(v / step) * step); }

// The new link as GeoJSON link properties plus its path (README "Plan files", op add).
Json link_json(const NetLink& l) {
  Json j;
  j["id"] = l.id;
  j["kind"] = l.kind;
  j["from"] = l.from;
  j["to"] = l.to;
  j["path"] = points(l.path);
  j["cover_start_m"] = round_cm(l.cover_start_m);
  j["cover_end_m"] = round_cm(l.cover_end_m);
  if (l.diameter_mm > 0.0) {
    j["diameter_mm"] = l.diameter_mm;
  } else {
    j["width_mm"] = l.width_mm;
    j["height_mm"] = l.height_mm;
  }
  j["material"] = l.material;
  j["install_year"] = l.install_year;
  j["owner"] = l.owner;
  if (!l.subtype.empty()) j["subtype"] = l.subtype;
  if (!l.pressure_class.empty()) j["pressure_class"] = l.pressure_class;
  if (l.voltage_kv > 0.0) j["voltage_kv"] = l.voltage_kv;
  if (l.cable_count > 0) j["cable_count"] = l.cable_count;
  if (l.fibre_count > 0) j["fibre_count"] = l.fibre_count;
  if (l.duct_count > 0) j["duct_count"] = l.duct_count;
  if (!l.note.empty()) j["note"] = l.note;
  return j;
}

Json node_json(const NetNode& n) {
  Json j;
  j["id"] = n.id;
  j["kind"] = n.kind;
  j["position"] = xy(n.p);
  if (!n.owner.empty()) j["owner"] = n.owner;
  if (n.install_year > 0) j["install_year"] = n.install_year;
  if (!n.note.empty()) j["note"] = n.note;
  return j;
}

Json edit_json(const PlanEdit& e) {
  Json j;
  j["id"] = e.id;
  j["op"] = e.op;
  j["owner"] = e.owner;
  j["utility"] = e.utility;
  if (e.op == "add") {
    if (!e.trench.empty()) j["trench"] = e.trench;
    j["link"] = link_json(e.link);
    if (!e.nodes.empty()) {
      j["nodes"] = Json::array();
      for (const NetNode& n : e.nodes) j["nodes"].push_back(node_json(n));
    }
    return j;
  }
  j["links"] = e.links;
  if (!e.path.empty()) j["path"] = points(e.path);
  if (e.has_cover) j["cover_m"] = Json::array({round_cm(e.cover_start_m), round_cm(e.cover_end_m)});
  if (!e.trench.empty()) j["trench"] = e.trench;
  return j;
}

}  // namespace

std::string plan_json(const PlanDoc& plan) {
  Json j;
  j["format"] = "estatetwin-plan/1";
  j["id"] = plan.id;
  j["name"] = plan.name;
  j["description"] = plan.description;
  j["trenches"] = Json::array();
  for (const PlanTrench& t : plan.trenches) {
    j["trenches"].push_back({{"id", t.id},
                             {"kind", t.tunnel ? "tunnel" : "trench"},
                             {"path", points(t.path)},
                             {"width_m", round_cm(t.width_m)},
                             {"depth_m", round_cm(t.depth_m)}});
  }
  j["edits"] = Json::array();
  for (const PlanEdit& e : plan.edits) j["edits"].push_back(edit_json(e));
  j["tasks"] = Json::array();
  for (const PlanTask& t : plan.tasks) {
    Json k;
    k["id"] = t.id;
    k["name"] = t.name;
    k["owner"] = t.owner;
    k["crew"] = t.crew;
    if (!t.trench.empty()) k["trench"] = t.trench;
    k["edits"] = t.edits;
    k["start"] = format_date(t.start_day);
    k["end"] = format_date(t.end_day);
    k["outage_h"] = t.outage_h;
    j["tasks"].push_back(k);
  }
  j["costs"] = Json::array();
  for (const PlanCost& c : plan.costs) {
    Json k;
    k["item"] = c.item;
    k["owner"] = c.owner;
    if (!c.edit.empty()) k["edit"] = c.edit;
    k["quantity"] = round_to(c.quantity, 0.1);
    k["unit"] = c.unit;
    k["unit_cost_cny"] = c.unit_cost_cny;
    j["costs"].push_back(k);
  }
  return j.dump(2) + "\n";
}

std::string lanes_json(const std::vector<LaneSegmentDoc>& segments) {
  Json j;
  j["format"] = "estatetwin-lanes/1";
  j["segments"] = Json::array();
  for (const LaneSegmentDoc& s : segments) {
    const Rect& r = s.rect;
    j["segments"].push_back(
        {{"id", s.id},
         {"lane", s.lane},
         {"surface", s.surface},
         {"polygon", points({{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}})}});
  }
  return j.dump(2) + "\n";
}

Status write_plans(const EstateLayout& layout, const EstateNets& nets, const std::string& out_dir,
                   PlansWritten& written) {
  const std::string dir = out_dir + "/plans";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return make_error(dir, "", "cannot create directory: " + ec.message());

  written = {};
  written.lanes_file = "lanes.json";
  Status s =
      write_text_atomic(out_dir + "/" + written.lanes_file, lanes_json(lane_segments(layout)));
  if (!s.ok()) return s;

  const std::vector<PlanDoc> plans = muyanghu_plans(layout, nets);
  int first = 0;
  for (const PlanDoc& p : plans) {
    for (const PlanTask& t : p.tasks)
      first = first == 0 ? t.start_day : std::min(first, t.start_day);
    written.files.push_back("plans/" + p.id + ".json");
    s = write_text_atomic(out_dir + "/" + written.files.back(), plan_json(p));
    if (!s.ok()) return s;
    if (p.id != "coordinated") continue;
    // The middle of the first task that digs the main lane: trenches open, lines half laid.
    for (const PlanTask& t : p.tasks) {
      if (t.trench.rfind("T-M", 0) == 0) {
        written.construction_date = format_date((t.start_day + t.end_day) / 2);
        break;
      }
    }
  }
  // Day 0 of the scenario clock: the first of the month before the first task.
  const std::string d = format_date(first - 14);
  written.epoch = d.substr(0, 8) + "01";
  return Status(Ok{});
}

}  // namespace et::gen
