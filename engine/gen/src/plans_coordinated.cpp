// The coordinated plan and its tunnel variant (see plans_muyanghu.cpp): the tangle cleared
// first, then one district crew per trench lays every company's lines in it, each at its
// GB 50289 position in the lane, on one calendar (Calendar) that never puts two crews in one
// lane segment on the same day. Crew rates and unit costs are illustrative (plans_common.h).
#include <algorithm>

#include "plans_common.h"

namespace et::gen {

namespace {

// One announced interruption per trench for all the companies' switchovers, hours.
constexpr double kOutage = 4.0;

double length(const std::vector<glm::dvec2>& path) {
  double s = 0.0;
  for (std::size_t i = 1; i < path.size(); ++i) s += glm::length(path[i] - path[i - 1]);
  return s;
}

// A private line against a wall, re-laid `offset_m` off it (north) at `cover_m`; its ends
// stay where they are (the connection on the block and whatever it serves).
struct OffWall {
  const char* owner;
  const char* utility;
  double offset_m, cover_m;
  const char* item;
  double unit_cost_cny;  // illustrative, as every rate here
};
void reroute_off_wall(PlanBuilder& b, const NetLink& l, const OffWall& how,
                      const std::string& trench, std::vector<glm::dvec2>& path) {
  const glm::dvec2 a = l.path.front(), z = l.path.back();
  const double y = a.y + how.offset_m;
  path = {a, {a.x, y}, {z.x, y}, z};
  PlanEdit& r = b.edit("reroute", how.owner, how.utility);
  r.links = {l.id};
  r.path = path;
  r.has_cover = true;
  r.cover_start_m = r.cover_end_m = how.cover_m;
  r.trench = trench;
  b.cost(how.item, how.owner, r.id, length(path), "m", how.unit_cost_cny);
}

// The gas pipe 1 m off the wall at proper cover; the yard drain 0.7 m off at 0.65 m (clear
// of the DN50 water services it crosses by 0.4 m) into the same inspection well.
const OffWall kWallGas{"gas", "gas", 1.0, kGasCover, "Gas service re-laid 1 m off the wall", 260};
const OffWall kYardDrain{"district", "drainage", 0.7, 0.65,
                         "Yard drain DN110 re-laid off the wall", 240};

}  // namespace

PlanDoc coordinated_plan(const Scope& s, bool tunnel) {
  const EstateLayout& e = *s.e;
  PlanBuilder b(tunnel ? "tunnel" : "coordinated",
                tunnel ? "Tunnel: a utility tunnel under the main lane, shared trenches elsewhere"
                       : "Coordinated: shared trenches, one schedule",
                tunnel ? "As coordinated, but the main lane from the south gate to row lane 3 "
                         "gets a 2.5 x 3 m utility tunnel carrying water, power and telecom, so "
                         "it is dug once and never again. Gas stays out of it (GB 50838 wants "
                         "gas in a compartment of its own): its trunk there is left as it is. "
                         "Where the row lanes' sewer and storm connections cross the tunnel "
                         "they pass through it in sleeves (detail design, not modelled). Dearer."
                       : "The Muyanghu agreement: the private overhead lines come down first, "
                         "then each lane is opened twice at most, one trench on the building "
                         "side (power, telecom) and one beyond the drainage (water, gas), by "
                         "one district crew laying every company's lines at their GB 50289 "
                         "positions, on one calendar with one switchover per trench. Shallow "
                         "private lines are taken out, rerouted or lowered.");
  b.set_reinstatement(45, "temporary reinstatement");
  Calendar cal(e);
  const int start = day_of("2027-03-15");
  const int rows = static_cast<int>(e.row_lanes.size());

  // The tangle first: overhead lines down, the car wash pipe along a wall pulled.
  take_down_overhead(b, s);
  remove_private(b, s.car_wash, "district", "water");
  b.task("District: take down private overhead lines", "district", "district-0", "", start, 5, 0);
  std::vector<glm::dvec2> path;
  reroute_off_wall(b, *s.wall_gas, kWallGas, "T-X-G", path);
  b.trench("T-X-G", path, 0.6, 1.2);
  b.task("Gas: re-lay the shop's pipe off the block wall", "gas", "gas-1", "T-X-G",
         cal.book(path, "gas-1", start, 3), 3, 2);
  reroute_off_wall(b, *s.yard_drain, kYardDrain, "T-X-S", path);
  b.trench("T-X-S", path, 0.5, 1.0);
  b.task("District: re-lay the yard drain off the block wall", "district", "district-0", "T-X-S",
         cal.book(path, "district-0", start, 4), 4, 0);
  b.trench("T-SQ", kiosk_trench(s), 0.6, 1.0);
  kiosk_service(b, s, "T-SQ");
  b.task("Water: metered supply to the kiosk", "water", "water-1", "T-SQ",
         cal.book(kiosk_trench(s), "water-1", start, 4), 4, 2);

  const int lanes_from = start + 21;
  auto dig = [&](const std::string& id, const Links& extent, bool row, double at, double w,
                 double d, bool is_tunnel = false) {
    b.trench(id, run_path(extent, row, at), w, d, is_tunnel);
    return id;
  };
  auto close = [&](const std::string& name, const std::string& crew, const std::string& trench,
                   const Links& extent, bool row, double at, int days) {
    b.task(name, "district", crew, trench,
           cal.book(run_path(extent, row, at), crew, lanes_from, days), days, kOutage);
  };
  // Shared trench widths: the spacing of the lines' centres (net_common.cpp's cross-section)
  // plus their sections and about 0.2 m of working room each side; depth: the deepest line
  // (telecom, agreed below the water mains) plus bedding.
  // A row lane's far side (water, gas) with the tangle that crosses it; its building side
  // (power, telecom) with the abandoned lines in that band.
  auto far_side = [&](int r, const std::string& crew) {
    const Links extent = join(s.water_row[r], s.gas_row[r]);
    const double y = e.row_lanes[r].y0 + 5.1;
    const std::string t = dig("T-" + lane_code(r) + "-N", extent, true, y, 1.2, 1.6);
    renew_water(b, s.water_row[r], 150, t);
    lower(b, s.gas_row[r], "gas", "gas", kGasCover, "PE gas main lowered to 0.9 m", kLowerGas);
    lower(b, s.gas_services[r], "gas", "gas", kServiceAgreed, "Gas service lowered to 0.9 m",
          kLowerGas);
    if (row_lane_of(e, *s.hose) == r) remove_private(b, s.hose, "district", "water");
    if (row_lane_of(e, *s.kitchen_gas) == r) remove_private(b, s.kitchen_gas, "gas", "gas");
    if (row_lane_of(e, *s.shed_cable) == r) remove_private(b, s.shed_cable, "district", "power");
    if (row_lane_of(e, *s.kiosk_cable) == r) remove_private(b, s.kiosk_cable, "district", "power");
    if (row_lane_of(e, *s.misconnection) == r) {
      PlanEdit& a = b.edit("abandon", "district", "drainage");
      a.links = {s.misconnection->id};
      b.cost("Misconnected kitchen drain cut and sealed", "district", a.id, 1, "item", 800);
    }
    if (row_lane_of(e, *s.shallow_duct) == r) {
      // Lowered below the gas main (0.9-1.0 m) it crosses, by GB 50289's 0.15 m.
      lower(b, {s.shallow_duct}, "telecom", "telecom", 1.16, "Customer duct adopted and lowered",
            kLowerDuct);
    }
    close("Row lane " + std::to_string(r + 1) + " far side: water and gas", crew, t, extent, true,
          y, days_for(std::max(plan_length(s.water_row[r]), plan_length(s.gas_row[r])), 12, 5));
  };
  auto building_side = [&](int r, const std::string& crew) {
    const Links extent = join(s.power_row[r], s.telecom_row[r]);
    const double y = e.row_lanes[r].y0 + 0.75;
    const std::string t = dig("T-" + lane_code(r) + "-S", extent, true, y, 1.2, 1.85);
    renew_power(b, s.power_row[r], false, t, kPowerAgreed);
    lower(b, s.telecom_row[r], "telecom", "telecom", kTelecomAgreed,
          "Duct re-laid below the water main", kLowerDuct);
    lower(b, s.telecom_services[r], "telecom", "telecom", kServiceAgreed,
          "Building duct lowered to 0.9 m", kLowerDuct);
    if (row_lane_of(e, *s.old_power) == r) {
      remove(b, {s.old_power}, "power", "power", "Abandoned cable taken out", 30);
    }
    if (row_lane_of(e, *s.old_copper) == r) {
      remove(b, {s.old_copper}, "telecom", "telecom", "Abandoned cable taken out", 30);
    }
    close("Row lane " + std::to_string(r + 1) + " building side: power and telecom", crew, t,
          extent, true, y,
          days_for(std::max(plan_length(s.power_row[r]), plan_length(s.telecom_row[r])), 20, 3));
  };
  const double x0 = e.main_lane.x0;
  const double yb = e.row_lanes[2].y1;  // the tunnel's north end
  auto main_east = [&](const Links& water, const Links& gas, const std::string& id) {
    const Links extent = join(water, gas);
    const std::string t = dig(id, extent, false, x0 + 5.6, 1.3, 1.7);
    renew_water(b, water, 200, t);
    renew_gas_trunk(b, gas, t);
    close("Main lane east side: water and gas trunks", "district-A", t, extent, false, x0 + 5.6,
          days_for(std::max(plan_length(water), plan_length(gas)), 10, 6));
  };
  auto main_west = [&](const Links& power, const Links& telecom, const std::string& id) {
    const Links extent = join(power, telecom);
    const std::string t = dig(id, extent, false, x0 + 0.95, 1.6, 1.85);
    renew_power(b, power, true, t, kPowerAgreed);
    lower(b, telecom, "telecom", "telecom", kTelecomAgreed,
          "Duct bank re-laid below the water mains", kLowerDuct);
    close("Main lane west side: power and telecom", "district-A", t, extent, false, x0 + 0.95,
          days_for(std::max(plan_length(power), plan_length(telecom)), 20, 4));
  };
  auto secondary = [&]() {
    const Links extent = join(join(s.water_sec, s.power_sec), s.telecom_sec);
    const double x = e.secondary_lane.x0 + 1.25;
    const std::string t = dig("T-S", extent, false, x, 2.3, 1.85);
    renew_water(b, s.water_sec, 150, t);
    renew_power(b, s.power_sec, false, t, kPowerAgreed);
    lower(b, s.telecom_sec, "telecom", "telecom", kTelecomAgreed,
          "Duct re-laid below the water main", kLowerDuct);
    close("Secondary lane: water, power and telecom", "district-B", t, extent, false, x,
          days_for(plan_length(s.water_sec), 10, 5));
  };

  if (!tunnel) {
    // Two crews; the calendar keeps them out of each other's lane segments.
    main_east(s.water_main, s.gas_main, "T-M-E");
    secondary();
    main_west(s.power_main, s.telecom_main, "T-M-W");
    for (int r = 0; r < rows; ++r) {
      far_side(r, r % 2 == 0 ? "district-A" : "district-B");
      building_side(r, r % 2 == 0 ? "district-A" : "district-B");
    }
  } else {
    const double xt = x0 + 1.3;  // tunnel centreline: the power and telecom lines' side
    const std::vector<glm::dvec2> tp{{xt, e.site.y0 + 1.0}, {xt, yb}};
    b.trench("T-U", tp, 2.5, 3.0, true);
    for (const NetLink* l : where(s.water_main, south_of, yb)) {
      // Water on the tunnel's east bracket row, 1.5 m clear of the sewer trunk beside it. It
      // leaves its junctions on the old line diagonally, 5 m along, so it neither runs along
      // the row mains it meets nor beside the lines north of the tunnel.
      const glm::dvec2 f = l->path.front(), t = l->path.back();
      const double dy = t.y > f.y ? 5.0 : -5.0;
      move(b, *l, "water", "water", {f, {x0 + 1.1, f.y + dy}, {x0 + 1.1, t.y - dy}, t}, "T-U", 0.0);
    }
    for (const NetLink* l : where(s.power_main, south_of, yb)) {
      move(b, *l, "power", "power", l->path, "T-U", kPowerAgreed);
    }
    for (const NetLink* l : where(s.telecom_main, south_of, yb)) {
      move(b, *l, "telecom", "telecom", l->path, "T-U", kTelecomAgreed);
    }
    const int days = days_for(yb - e.site.y0, 1.5, 10);
    b.task("Utility tunnel under the main lane: build, move water, power and telecom in",
           "district", "tunnel-1", "T-U", cal.book(tp, "tunnel-1", lanes_from, days), days,
           kOutage);
    secondary();
    for (int r = rows - 1; r >= 0; --r) {
      far_side(r, r >= 3 ? "district-A" : "district-B");
      building_side(r, r >= 3 ? "district-A" : "district-B");
    }
    main_east(where(s.water_main, north_part, yb), where(s.gas_main, north_part, yb), "T-M-E");
    main_west(where(s.power_main, north_part, yb), where(s.telecom_main, north_part, yb), "T-M-W");
  }
  b.cost("Final resurfacing of the lanes", "district", "", lane_area(e), "m2", kResurface);
  return b.take();
}

}  // namespace et::gen
