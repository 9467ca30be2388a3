// The three plans on the table at the Muyanghu meeting, built from the as-found Nets:
// - separate: each company renews its own lines in its own trench down every lane, on its
//   own dates through the year, each reinstating its trench; the district takes the private
//   overhead lines down at the end and the other private lines mostly stay;
// - coordinated: one trench per side of each lane (power and telecom on the building side,
//   water and gas on the far side of the drainage; the drainage between them stays), dug
//   once by a district crew that lays every company's lines in it at their GB 50289
//   positions, on one calendar that never has two crews in one lane segment; the tangle is
//   cleared first (overhead lines down, shallow lines taken out, rerouted or lowered);
// - tunnel: as coordinated, but the main lane south of row lane 3 gets a 2.5 x 3 m utility
//   tunnel carrying water, power and telecom (gas stays out: GB 50838 wants it in its own
//   compartment, too dear here, so its trunk there is left as it is).
// The lines keep the as-found lane cross-section (net_common.h), which keeps the horizontal
// clearances; the depth bands change where the carriageway cover minima ask for it: gas and
// telecom down to 0.9 m; the direct-buried LV cables go into conduit at 1.0 m.
// Single estates only: a district (--estates N) gets no plans.
#include "plans_common.h"

namespace et::gen {

std::vector<PlanDoc> muyanghu_plans(const EstateLayout& layout, const EstateNets& nets) {
  const Scope s = muyanghu_scope(layout, nets);
  return {separate_plan(s), coordinated_plan(s, false), coordinated_plan(s, true)};
}

PlanDoc separate_plan(const Scope& s) {
  const EstateLayout& e = *s.e;
  PlanBuilder b("separate", "Separate: each company on its own",
                "The uncoordinated baseline: water, power, gas and telecom each renew their own "
                "lines in their own trench down every lane, on their own dates through the "
                "year, each reinstating its own trench, so every lane is dug four times and "
                "mostly after it was patched. The district takes the private overhead lines "
                "down at the end; the private lines under the lanes mostly stay.");
  const int rows = static_cast<int>(e.row_lanes.size());
  auto run = [&](const std::string& id, const Links& links, bool row, double at, double w,
                 double d) {
    b.trench(id, run_path(links, row, at), w, d);
    return id;
  };

  // Water, March to June: trunk, loop, the rows, the kiosk's meter.
  int day = day_of("2027-03-15");
  std::string t = run("T-W-M", s.water_main, false, main_line_x(e, Line::kWater), 1.0, 1.7);
  renew_water(b, s.water_main, 200, t);
  day = b.task("Water: renew the main lane trunk", "water", "water-1", t, day,
               days_for(plan_length(s.water_main), 12, 4), 8) +
        2;
  t = run("T-W-S", s.water_sec, false, secondary_line_x(e, Line::kWater), 1.0, 1.6);
  renew_water(b, s.water_sec, 150, t);
  day = b.task("Water: renew the secondary lane loop", "water", "water-1", t, day,
               days_for(plan_length(s.water_sec), 12, 4), 6) +
        2;
  for (int r = 0; r < rows; ++r) {
    t = run("T-W-" + lane_code(r), s.water_row[r], true, row_line_y(e, r, Line::kWater), 1.0, 1.6);
    renew_water(b, s.water_row[r], 150, t);
    if (lane_north_of(e, *s.car_wash) == r) {
      PlanEdit& a = b.edit("abandon", "water", "water");
      a.links = {s.car_wash->id};
      b.cost("Private pipe cut off at the service", "water", a.id, 1, "item", 400);
    }
    day = b.task("Water: renew the main of row lane " + std::to_string(r + 1), "water", "water-1",
                 t, day, days_for(plan_length(s.water_row[r]), 12, 4), 6) +
          2;
  }
  b.trench("T-W-SQ", kiosk_trench(s), 0.6, 1.0);
  kiosk_service(b, s, "T-W-SQ");
  b.task("Water: metered supply to the kiosk", "water", "water-1", "T-W-SQ", day, 4, 2);

  // Power, June to August: the duct bank, the rows, the tie.
  day = day_of("2027-06-14");
  t = run("T-P-M", s.power_main, false, main_line_x(e, Line::kPower), 1.0, 1.4);
  renew_power(b, s.power_main, true, t);
  day = b.task("Power: renew the main lane duct bank", "power", "power-1", t, day,
               days_for(plan_length(s.power_main), 20, 4), 4) +
        2;
  for (int r = 0; r < rows; ++r) {
    t = run("T-P-" + lane_code(r), s.power_row[r], true, row_line_y(e, r, Line::kPower), 0.6, 1.3);
    renew_power(b, s.power_row[r], false, t);
    day = b.task("Power: LV cable into conduit, row lane " + std::to_string(r + 1), "power",
                 "power-1", t, day, days_for(plan_length(s.power_row[r]), 25, 3), 4) +
          2;
  }
  t = run("T-P-S", s.power_sec, false, secondary_line_x(e, Line::kPower), 0.6, 1.3);
  renew_power(b, s.power_sec, false, t);
  b.task("Power: LV tie into conduit, secondary lane", "power", "power-1", t, day,
         days_for(plan_length(s.power_sec), 25, 3), 4);

  // Gas, August to October: the trunk, the rows lowered; it cuts the private gas pipes.
  day = day_of("2027-08-16");
  t = run("T-G-M", s.gas_main, false, main_line_x(e, Line::kGas), 0.7, 1.2);
  renew_gas_trunk(b, s.gas_main, t);
  day = b.task("Gas: renew the main lane trunk", "gas", "gas-1", t, day,
               days_for(plan_length(s.gas_main), 15, 4), 4) +
        2;
  for (int r = 0; r < rows; ++r) {
    t = run("T-G-" + lane_code(r), s.gas_row[r], true, row_line_y(e, r, Line::kGas), 0.7, 1.2);
    lower(b, s.gas_row[r], "gas", "gas", kGasCover, "PE gas main lowered to 0.9 m", kLowerGas);
    if (row_lane_of(e, *s.kitchen_gas) == r) remove_private(b, s.kitchen_gas, "gas", "gas");
    if (lane_north_of(e, *s.wall_gas) == r) remove_private(b, s.wall_gas, "gas", "gas");
    day = b.task("Gas: lower the main of row lane " + std::to_string(r + 1), "gas", "gas-1", t, day,
                 days_for(plan_length(s.gas_row[r]), 20, 3), 3) +
          2;
  }

  // Telecom, October to November: its ducts lowered to the carriageway minimum.
  day = day_of("2027-10-11");
  t = run("T-T-M", s.telecom_main, false, main_line_x(e, Line::kTelecom), 0.8, 1.1);
  lower(b, s.telecom_main, "telecom", "telecom", kTelecomCover, "Duct bank lowered to 0.9 m",
        kLowerDuct);
  day = b.task("Telecom: lower the main lane ducts", "telecom", "telecom-1", t, day,
               days_for(plan_length(s.telecom_main), 30, 2), 2) +
        2;
  t = run("T-T-S", s.telecom_sec, false, secondary_line_x(e, Line::kTelecom), 0.6, 1.2);
  lower(b, s.telecom_sec, "telecom", "telecom", kTelecomCover, "Duct lowered to 0.9 m", kLowerDuct);
  day = b.task("Telecom: lower the ring duct", "telecom", "telecom-1", t, day,
               days_for(plan_length(s.telecom_sec), 30, 2), 2) +
        2;
  for (int r = 0; r < rows; ++r) {
    t = run("T-T-" + lane_code(r), s.telecom_row[r], true, row_line_y(e, r, Line::kTelecom), 0.6,
            1.2);
    lower(b, s.telecom_row[r], "telecom", "telecom", kTelecomCover, "Duct lowered to 0.9 m",
          kLowerDuct);
    day = b.task("Telecom: lower the ducts of row lane " + std::to_string(r + 1), "telecom",
                 "telecom-1", t, day, days_for(plan_length(s.telecom_row[r]), 30, 2), 2) +
          2;
  }

  // December: the district takes the overhead lines down and pulls the shed cable.
  take_down_overhead(b, s);
  remove_private(b, s.shed_cable, "district", "power");
  b.task("District: take down private overhead lines", "district", "district-1", "",
         day_of("2027-12-06"), 5, 0);
  b.cost("Final resurfacing of the lanes", "district", "", lane_area(e), "m2", kResurface);
  return b.take();
}

}  // namespace et::gen
