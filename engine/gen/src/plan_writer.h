// Relocation plans and lane segments as the generator writes them (README "Plans": formats
// estatetwin-plan/1 and estatetwin-lanes/1). Plain data mirroring et/plan/plan.h and
// et/plan/site.h, but written as JSON here: et_gen sits above et_core only and does not
// link et_plan (whose loader reads these files back and checks them against the networks).
// Internal to et_gen.
#pragma once

#include <glm/glm.hpp>
#include <string>
#include <vector>

#include "estate_layout.h"
#include "et/core/error.h"
#include "net_common.h"

namespace et::gen {

struct PlanTrench {
  std::string id;
  bool tunnel = false;
  std::vector<glm::dvec2> path;  // centreline, scene metres
  double width_m = 1.0, depth_m = 1.5;
};

struct PlanEdit {
  std::string id;
  std::string op;                  // remove, abandon, add, reroute, depth, move
  std::string owner;               // water, power, gas, telecom, district
  std::string utility;             // water, drainage, gas, power, telecom
  std::vector<std::string> links;  // remove/abandon: one or more; reroute/depth/move: one
  NetLink link;                    // add: the new link (id, from, to, path, section, ...)
  std::vector<NetNode> nodes;      // add: new nodes it needs
  std::vector<glm::dvec2> path;    // reroute/move
  bool has_cover = false;          // reroute/depth/move
  double cover_start_m = 0.0, cover_end_m = 0.0;
  std::string trench;
};

struct PlanTask {
  std::string id, name, owner, crew, trench;
  std::vector<std::string> edits;
  int start_day = 0, end_day = 0;  // days since 1970-01-01, inclusive
  double outage_h = 0.0;
};

struct PlanCost {
  std::string item, owner, edit;  // edit "" = site-wide (trenches, resurfacing, mobilisation)
  double quantity = 0.0;
  std::string unit;
  double unit_cost_cny = 0.0;
};

struct PlanDoc {
  std::string id, name, description;
  std::vector<PlanTrench> trenches;
  std::vector<PlanEdit> edits;
  std::vector<PlanTask> tasks;
  std::vector<PlanCost> costs;
};

struct LaneSegmentDoc {
  std::string id, lane, surface;
  Rect rect;  // lanes are axis-aligned strips: the polygon is the rectangle
};

// Muyanghu's lanes cut into segments of about 20-25 m (lanes.cpp).
std::vector<LaneSegmentDoc> lane_segments(const EstateLayout& layout);
std::string lanes_json(const std::vector<LaneSegmentDoc>& segments);

// The three plans of the Muyanghu meeting, built from the estate's as-found networks (the
// same Net data the GeoJSON files are written from, so every id matches): "separate",
// "coordinated", "tunnel" (plans_muyanghu.cpp).
std::vector<PlanDoc> muyanghu_plans(const EstateLayout& layout, const EstateNets& nets);
std::string plan_json(const PlanDoc& plan);

// What scene.json needs to know about the written plans.
struct PlansWritten {
  std::vector<std::string> files;  // "plans/separate.json", ... relative to the scene folder
  std::string lanes_file;          // "lanes.json"
  std::string epoch;               // before every task
  std::string construction_date;   // a day the coordinated plan digs the main lane
};

// Writes OUT/lanes.json and OUT/plans/*.json atomically.
Status write_plans(const EstateLayout& layout, const EstateNets& nets, const std::string& out_dir,
                   PlansWritten& written);

}  // namespace et::gen
