#include "tours_muyanghu.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "et/core/date.h"
#include "et/core/file_io.h"

namespace et::gen {
namespace {

using Json = nlohmann::ordered_json;

Json xyz(const Vec3& p) { return Json::array({round_cm(p.x), round_cm(p.y), round_cm(p.z)}); }

// A close look at a spot from the south-south-east, steeply down (about 60 degrees) so the
// six- and seven-storey blocks beside a lane do not hide the pipes in it.
Json close_look(const Vec3& target, double scale = 1.0) {
  return {{"eye", xyz(target + Vec3(10.0, -24.0, 46.0) * scale)}, {"target", xyz(target)},
          {"fov_deg", 50.0}};
}

// Along an east-west row lane from its east end: the blocks on either side frame the lane
// instead of hiding it.
Json lane_look(const Vec3& target) {
  return {{"eye", xyz(target + Vec3(26.0, -2.0, 15.0))}, {"target", xyz(target)}, {"fov_deg", 50.0}};
}

Json key(Json fields, const char* time, const char* overlay, double duration) {
  fields["time"] = time;
  fields["overlay"] = overlay;
  // Buried networks through a half-clear ground: every overlay colours pipes and cables.
  fields["xray"] = true;
  fields["ground_opacity"] = 0.5;
  fields["duration"] = duration;
  return fields;
}

const FacilitySite* facility(const EstateLayout& l, const std::string& id) {
  for (const FacilitySite& f : l.facilities)
    if (f.id == id) return &f;
  return nullptr;
}

// The live story's places (live_story.cpp puts its sensors on these elements): the
// galvanized-steel branch in the lane between B01 and B03, the farthest block B12, the gas
// regulator, the storm manholes north of B12/B13, the transformer, the pump house.
Json day_of_data(const EstateLayout& l) {
  const BlockSite &b01 = l.blocks[0], &b03 = l.blocks[2], &b12 = l.blocks[11], &b13 = l.blocks[12];
  const Vec3 leak(b01.x - 5.0, (b01.y + b03.y) / 2.0, 0.0);
  const Vec3 top_floor(b12.x, b12.y + 8.0, 6.0);  // its entrances and connection
  const Vec3 manhole((b12.x + b13.x) / 2.0, b12.y + 18.0, 0.0);
  const FacilitySite* t = facility(l, "T01");
  const FacilitySite* g = facility(l, "G01");
  const Vec3 transformer = t ? Vec3(t->x, t->y, 0.0) : Vec3(-30.0, -76.0, 0.0);
  const Vec3 gas = g ? Vec3(g->x, g->y, 0.0) : Vec3(-13.0, -76.0, 0.0);
  const Json overview = {{"bookmark", "overview"}};
  Json keys = Json::array({
      key(overview, "00:00", "live", 5.0),
      key(lane_look(leak), "01:45", "live", 4.0),          // 01:50 the branch starts leaking
      key(lane_look(leak), "02:10", "alarm", 4.0),         // leak alarms 01:51, 01:53
      key({{"bookmark", "pumphouse"}}, "04:05", "alarm", 5.0),  // night flow alarm at 04:00
      key(close_look(top_floor, 1.3), "06:50", "live", 4.0),   // the morning peak begins
      key(close_look(top_floor, 1.3), "07:30", "alarm", 5.0),  // top floor low 07:03, 07:05
      key(close_look(gas, 0.8), "13:00", "staleness", 4.0),    // the leak detector goes quiet
      key(close_look(gas, 0.8), "13:25", "alarm", 5.0),        // stale-data 13:09
      key(close_look(manhole), "16:00", "live", 4.0),          // an hour of heavy rain
      key(close_look(manhole), "16:30", "alarm", 5.0),         // surcharge 16:14, 16:19
      key(close_look(transformer, 0.8), "19:00", "live", 4.0),   // evening load
      key(close_look(transformer, 0.8), "20:00", "alarm", 5.0),  // overload 19:01, 19:02
      key(overview, "24:00", "alarm", 3.0),
  });
  return {{"name", "day-of-data"},
          {"description", "Muyanghu's 24 hours of live data: the night leak, the minimum night "
                          "flow, the morning peak on the top floor of the farthest block, the "
                          "silent gas detector, the storm, the evening transformer overload."},
          {"keys", keys}};
}

// Centre of a trench's path, for a camera target.
bool trench_centre(const Json& plan, const std::string& id, Vec3& out) {
  for (const Json& tr : plan.value("trenches", Json::array())) {
    if (tr.value("id", "") != id || !tr.contains("path") || tr["path"].empty()) continue;
    Vec3 sum(0.0);
    for (const Json& p : tr["path"]) sum += Vec3(p[0].get<double>(), p[1].get<double>(), 0.0);
    out = sum / double(tr["path"].size());
    return true;
  }
  return false;
}

Json plan_key(Json fields, int day, double duration) {
  fields["plan"] = "coordinated";
  fields["overlay"] = "diff";  // new lines green as they are laid, old ones red
  fields["date"] = format_date(day);
  fields["time"] = "12:00";
  fields["xray"] = true;
  fields["ground_opacity"] = 0.4;
  fields["duration"] = duration;
  return fields;
}

// The coordinated plan's construction: as found on the epoch, then a few tasks spread over
// the schedule, each seen halfway through (its trench open), then the estate when the last
// task is done. Dates and places come from the plan's tasks and trenches.
Json coordinated_plan(const std::string& out_dir, int epoch_day) {
  Json plan;
  if (std::ifstream in(out_dir + "/plans/coordinated.json"); in) plan = Json::parse(in, nullptr, false);
  struct Stop {
    int start, mid;
    Vec3 target;
    bool has_target;
  };
  std::vector<Stop> tasks;
  int last = -1;  // the last task's end
  if (plan.is_object() && plan.contains("tasks")) {
    for (const Json& t : plan["tasks"]) {
      auto s = parse_date(t.value("start", "")), e = parse_date(t.value("end", ""));
      if (!s || !e) continue;
      Stop stop{*s, (*s + *e) / 2, Vec3(0.0), false};
      stop.has_target = trench_centre(plan, t.value("trench", ""), stop.target);
      // One task per start date (the first with a trench to look at).
      auto same = std::find_if(tasks.begin(), tasks.end(), [&](const Stop& o) { return o.start == *s; });
      if (same == tasks.end()) tasks.push_back(stop);
      else if (!same->has_target && stop.has_target) *same = stop;
      last = std::max(last, *e);
    }
    std::sort(tasks.begin(), tasks.end(), [](const Stop& a, const Stop& b) { return a.start < b.start; });
  }
  // A walk, not an inventory: at most six stops, spread evenly over the schedule.
  constexpr size_t kStops = 6;
  std::vector<Stop> stops;
  for (size_t i = 0; i < std::min(kStops, tasks.size()); ++i)
    stops.push_back(tasks.size() <= kStops ? tasks[i] : tasks[(i * (tasks.size() - 1) + (kStops - 1) / 2) / (kStops - 1)]);
  if (last < 0) last = epoch_day + 90;
  if (stops.empty())  // no plan file: walk the lanes over the first months
    stops = {{epoch_day + 30, epoch_day + 30, Vec3(0.0), false}, {epoch_day + 60, epoch_day + 60, Vec3(0.0), false}};
  Json keys = Json::array({plan_key({{"bookmark", "overview"}}, epoch_day, 4.0)});
  const char* fallback[] = {"lane", "pumphouse"};
  for (size_t i = 0; i < stops.size(); ++i) {
    Json where = stops[i].has_target ? close_look(stops[i].target, 1.6)
                                     : Json{{"bookmark", fallback[i % 2]}};
    keys.push_back(plan_key(where, std::max(stops[i].mid, epoch_day), 5.0));
  }
  keys.push_back(plan_key({{"bookmark", "overview"}}, std::max(last + 1, epoch_day), 4.0));
  return {{"name", "coordinated-plan"},
          {"description", "The coordinated relocation plan built day by day: shared trenches "
                          "dug once, each company's lines moved in, the tangle taken out."},
          {"keys", keys}};
}

}  // namespace

Status write_muyanghu_tours(const EstateLayout& layout, const std::string& out_dir,
                            nlohmann::ordered_json& scene) {
  int epoch_day = *parse_date("2027-01-01");  // the scene loader's default
  if (scene.contains("epoch"))
    if (auto d = parse_date(scene["epoch"].get<std::string>())) epoch_day = *d;
  Json tours = {{"format", "estatetwin-tours/1"},
                {"tours", Json::array({day_of_data(layout), coordinated_plan(out_dir, epoch_day)})}};
  // One key per line, as the window's tour panel writes the file.
  std::string text = "{\"format\": \"estatetwin-tours/1\",\n \"tours\": [";
  for (size_t i = 0; i < tours["tours"].size(); ++i) {
    const Json& t = tours["tours"][i];
    text += std::string(i ? ",\n  {" : "\n  {") + "\"name\": " + t["name"].dump() +
            ", \"description\": " + t["description"].dump() + ",\n   \"keys\": [";
    for (size_t k = 0; k < t["keys"].size(); ++k) text += (k ? ",\n     " : "\n     ") + t["keys"][k].dump();
    text += "]}";
  }
  text += "]}\n";
  scene["tours"] = "tours.json";
  return write_text_atomic(out_dir + "/tours.json", text);
}

}  // namespace et::gen
