// Building blocks of the Muyanghu plans (plans_scope.cpp): a PlanBuilder that numbers edits
// and tasks and puts every edit in exactly one task, the lane runs each company works on
// (found in the as-found Nets by the lane cross-section of net_common.h), and the
// companies' work on a run (renew, lower, move) with its cost items. Internal to et_gen.
//
// Unit costs are illustrative 2027 figures in CNY for an old-estate programme in a Chinese
// city of this size (order of magnitude from published tender prices, not a quotation);
// crew rates and durations likewise (a water crew lays about 12 m of DN150 a day with its
// service reconnections, a cable crew about 25 m of conduit).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "plan_writer.h"

namespace et::gen {

// New depth bands (cover, m). Each company alone (separate) takes its own carriageway
// minimum: gas and telecom 0.9, LV cables in conduit where they were, 1.0. Agreed at the
// table (coordinated, tunnel), crossings are designed too: power in conduit on top at its
// 0.5 minimum, gas 0.9, water 1.2 as found, telecom below the water mains at 1.55, so every
// line crosses every other 0.15 m clear (GB 50289 table 4.1.14) and the gas and telecom
// services come down to 0.9 under the lanes.
constexpr double kGasCover = 0.9, kTelecomCover = 0.9;
constexpr double kPowerAgreed = 0.5, kTelecomAgreed = 1.55, kServiceAgreed = 0.9;
// Illustrative CNY: lowering a live PE main or a duct bank per m; final resurfacing per m2.
constexpr double kLowerGas = 180, kLowerDuct = 150, kResurface = 120;

class PlanBuilder {
 public:
  PlanBuilder(std::string id, std::string name, std::string description);
  PlanDoc take() { return std::move(doc_); }

  void trench(const std::string& id, std::vector<glm::dvec2> path, double width_m, double depth_m,
              bool tunnel = false);
  // A new edit, pending until the next task() takes it. The reference is valid until the
  // next edit is added.
  PlanEdit& edit(const std::string& op, const std::string& owner, const std::string& utility);
  void cost(const std::string& item, const std::string& owner, const std::string& edit,
            double quantity, const std::string& unit, double unit_cost_cny);
  // A task of `days` days from `start` holding every pending edit, with its site costs
  // (mobilisation; excavation and reinstatement of its trench). Returns the day after it.
  int task(const std::string& name, const std::string& owner, const std::string& crew,
           const std::string& trench, int start, int days, double outage_h);
  // A fresh id for a new link of the utility whose Net code is `code`: "W-N001".
  std::string new_link_id(const std::string& code);
  bool has_pending() const { return !pending_.empty(); }
  // Trench reinstatement, CNY per m2: permanent where the lane stays open to traffic for
  // months before the next dig (separate), temporary where the lane is resurfaced within
  // weeks (coordinated).
  void set_reinstatement(double cny_m2, const std::string& what) {
    reinstatement_cny_ = cny_m2;
    reinstatement_ = what;
  }

 private:
  PlanDoc doc_;
  std::vector<std::string> pending_;
  std::map<std::string, int> counters_;
  double reinstatement_cny_ = 160;
  std::string reinstatement_ = "permanent road reinstatement";
};

using Links = std::vector<const NetLink*>;

// The as-found lines each company works on, per lane run (R1..R5 = row_lanes[0..4], M the
// main lane, S the secondary lane), and the tangle.
struct Scope {
  const EstateLayout* e = nullptr;
  const EstateNets* n = nullptr;
  std::vector<Links> water_row, power_row, gas_row, telecom_row;
  Links water_main, power_main, gas_main, telecom_main;
  Links water_sec, power_sec, telecom_sec;
  // Services from a row main to a block (gas, telecom), per row lane.
  std::vector<Links> gas_services, telecom_services;
  // Tangle lines, found by what they are (owner, state, note), not by id.
  Links overhead;                          // private lines strung across lanes (power, telecom)
  const NetLink* shed_cable = nullptr;     // power, 0.15 m deep across a lane
  const NetLink* kiosk_cable = nullptr;    // power, 0.2 m off the gas main
  const NetLink* old_power = nullptr;      // abandoned LV cable
  const NetLink* shallow_duct = nullptr;   // telecom, 0.1 m deep across a lane
  const NetLink* old_copper = nullptr;     // abandoned telephone cable
  const NetLink* hose = nullptr;           // water across a lane to an extension
  const NetLink* car_wash = nullptr;       // water along a wall
  const NetLink* kiosk_water = nullptr;    // unmetered tap ahead of the estate meter
  const NetLink* yard_drain = nullptr;     // sewer against a wall
  const NetLink* misconnection = nullptr;  // kitchen sewage into the storm drain
  const NetLink* kitchen_gas = nullptr;    // gas along the sewer
  const NetLink* wall_gas = nullptr;       // gas against a wall
};
Scope muyanghu_scope(const EstateLayout& e, const EstateNets& n);

// Index of the row lane a link runs in or crosses (first point inside), or -1.
int row_lane_of(const EstateLayout& e, const NetLink& l);
std::vector<std::string> ids(const Links& links);
double plan_length(const Links& links);
// Extent of the links along x (row runs) or y (north-south runs), as a centreline at `at`.
std::vector<glm::dvec2> run_path(const Links& links, bool along_x, double at);

// The companies' work on a run. Each adds its edits (pending in `b`) and their cost items.
// Old mains out, new ones in on the same line and at the same cover (the cross-section
// already keeps GB 50289 clearances): ductile iron for water, copper in conduit for the
// direct-buried LV cables (or a new 6-way duct bank), PE DN110 for the steel gas trunk.
void renew_water(PlanBuilder& b, const Links& old, double dn, const std::string& trench);
// cover <= 0: the old line's.
void renew_power(PlanBuilder& b, const Links& old, bool duct_bank, const std::string& trench,
                 double cover = 0.0);
void renew_gas_trunk(PlanBuilder& b, const Links& old, const std::string& trench);
// Lowered to `cover` in place (gas PE mains and telecom ducts to the carriageway minimum).
void lower(PlanBuilder& b, const Links& links, const std::string& owner, const std::string& utility,
           double cover, const std::string& what, double cny_m);
// Moved into a trench or tunnel on a new path (ends at the link's own end nodes).
void move(PlanBuilder& b, const NetLink& l, const std::string& owner, const std::string& utility,
          std::vector<glm::dvec2> path, const std::string& trench, double cover);
void remove(PlanBuilder& b, const Links& links, const std::string& owner,
            const std::string& utility, const std::string& what, double cny_m);

// Lanes: the first row lane north of a line off the lanes (along a block's entrance wall);
// "R1".."R5" for row_lanes[0..4]; the carriageway area of all lanes, m2.
int lane_north_of(const EstateLayout& e, const NetLink& l);
std::string lane_code(int r);
double lane_area(const EstateLayout& e);
Links join(Links a, const Links& b);
// The links entirely south of y (or not), for splitting a north-south run.
Links where(const Links& links, bool (*keep)(const NetLink&, double), double at);
bool south_of(const NetLink& l, double y);
bool north_part(const NetLink& l, double y);

// The kiosk's unmetered tap replaced by a metered DN32 service from the estate meter (a new
// sub-meter node), laid in `trench`; the trench's centreline.
void kiosk_service(PlanBuilder& b, const Scope& s, const std::string& trench);
std::vector<glm::dvec2> kiosk_trench(const Scope& s);
// The private overhead lines taken down by the district (one edit per utility).
void take_down_overhead(PlanBuilder& b, const Scope& s);
void remove_private(PlanBuilder& b, const NetLink* l, const std::string& owner,
                    const std::string& utility);

// Books tasks so that no two dig one lane segment on the same day and a crew does one
// thing at a time: the coordinated calendar.
class Calendar {
 public:
  explicit Calendar(const EstateLayout& e);
  // The earliest start on or after `from` for `days` days of `crew` digging `path`.
  int book(const std::vector<glm::dvec2>& path, const std::string& crew, int from, int days);

 private:
  struct Booking {
    std::set<int> segs;
    int start, end;
  };
  std::set<int> segments(const std::vector<glm::dvec2>& path) const;
  std::vector<LaneSegmentDoc> lanes_;
  std::vector<Booking> booked_;
  std::map<std::string, int> free_;
};

PlanDoc separate_plan(const Scope& s);
PlanDoc coordinated_plan(const Scope& s, bool tunnel);  // plans_coordinated.cpp

// Whole days a crew needs for `metres` at `per_day`, plus `extra` (set-up, testing).
int days_for(double metres, double per_day, int extra);
// "2027-03-15" -> days since 1970-01-01.
int day_of(const char* date);

}  // namespace et::gen
