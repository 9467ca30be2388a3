// Clearance rules table (estatetwin-rules/1, README "Plans"): read through Field so every
// error names the file and the JSON pointer of the bad value.
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "et/core/file_io.h"
#include "et/core/json_field.h"
#include "et/plan/rules.h"

#ifndef ESTATETWIN_ASSETS_DIR
#define ESTATETWIN_ASSETS_DIR "assets"
#endif

namespace et::plan {
namespace {

using json = nlohmann::json;
using json_io::Field;
namespace fs = std::filesystem;

constexpr const char* kFormat = "estatetwin-rules/1";
// Diameters beyond this (mm) are a unit mistake, not a pipe.
constexpr double kMaxDiameterMm = 10000.0;
// A clearance or cover beyond this (m) is a typo.
constexpr double kMaxMetres = 100.0;

const std::set<std::string>& pressure_classes() {
  static const std::set<std::string> k = {"low", "medium", "sub_high_b", "sub_high_a", "high"};
  return k;
}

bool known_type(const std::string& t) {
  return t == "building" || utility_from_name(t) != Utility::kCount;
}

std::string opt_str(const Field& row, const char* key) {
  return row.has(key) ? row[key].str() : std::string();
}

Rule read_rule(const Field& row, const std::set<std::string>& types) {
  Rule r;
  r.id = row["id"].str();
  if (r.id.empty()) row["id"].fail("expected a non-empty id");
  std::string kind = row["kind"].str();
  if (kind == "horizontal")
    r.kind = RuleKind::kHorizontal;
  else if (kind == "vertical")
    r.kind = RuleKind::kVertical;
  else if (kind == "cover")
    r.kind = RuleKind::kCover;
  else
    row["kind"].fail("unknown kind '" + kind + "' (expected horizontal, vertical or cover)");

  auto read_type = [&](const char* key) {
    Field f = row[key];
    std::string t = f.str();
    if (!types.count(t)) f.fail("unknown type '" + t + "' (not in \"types\")");
    // Buildings have no depth: only a horizontal rule can involve one.
    if (t == "building" && r.kind != RuleKind::kHorizontal)
      f.fail("a " + kind + " rule applies to utilities only, not 'building'");
    return t;
  };
  r.a = read_type("a");
  if (r.kind == RuleKind::kCover) {
    if (row.has("b")) row["b"].fail("a cover rule has only \"a\"");
  } else {
    r.b = read_type("b");
  }

  if (row.has("a_max_diameter_mm"))
    r.a_max_diameter_mm = row["a_max_diameter_mm"].num_in(0.0, kMaxDiameterMm);
  if (row.has("a_min_diameter_mm"))
    r.a_min_diameter_mm = row["a_min_diameter_mm"].num_in(0.0, kMaxDiameterMm);
  r.a_pressure_class = opt_str(row, "a_pressure_class");
  r.b_pressure_class = opt_str(row, "b_pressure_class");
  r.a_subtype = opt_str(row, "a_subtype");
  r.b_subtype = opt_str(row, "b_subtype");
  for (const char* key : {"a_pressure_class", "b_pressure_class"})
    if (row.has(key) && !pressure_classes().count(row[key].str()))
      row[key].fail("unknown pressure class '" + row[key].str() +
                    "' (expected low, medium, sub_high_b, sub_high_a or high)");
  // Conditions describe a link: a building side or a cover rule's missing b has none.
  for (const char* key :
       {"a_max_diameter_mm", "a_min_diameter_mm", "a_pressure_class", "a_subtype"})
    if (row.has(key) && r.a == "building")
      row[key].fail("conditions apply to links, not to a building");
  for (const char* key : {"b_pressure_class", "b_subtype"}) {
    if (row.has(key) && r.kind == RuleKind::kCover)
      row[key].fail("a cover rule has no b_ conditions");
    if (row.has(key) && r.b == "building")
      row[key].fail("conditions apply to links, not to a building");
  }

  r.min_m = row["min_m"].num_in(0.0, kMaxMetres);
  if (row.has("min_carriageway_m")) {
    if (r.kind != RuleKind::kCover)
      row["min_carriageway_m"].fail("only cover rules have a carriageway figure");
    r.min_carriageway_m = row["min_carriageway_m"].num_in(0.0, kMaxMetres);
  }
  if (row.has("verified")) {
    if (!row["verified"].raw().is_boolean()) row["verified"].fail("expected true or false");
    r.verified = row["verified"].raw().get<bool>();
  }
  r.source = opt_str(row, "source");
  return r;
}

void read_table(const json& root, const std::string& path, RuleTable& t) {
  Field f(root, "", path);
  if (!root.is_object()) f.fail("expected an object");
  std::string format = f["format"].str();
  if (format != kFormat)
    f["format"].fail("expected \"" + std::string(kFormat) + "\", got \"" + format + "\"");

  Field types = f["types"];
  std::set<std::string> type_set;
  for (size_t i = 0; i < types.array_size(); ++i) {
    std::string name = types.at(i).str();
    if (!known_type(name))
      types.at(i).fail("unknown type '" + name +
                       "' (expected building, water, drainage, gas, power, telecom or heat)");
    if (!type_set.insert(name).second) types.at(i).fail("type '" + name + "' listed twice");
    t.types.push_back(name);
  }

  Field rules = f["rules"];
  std::set<std::string> ids;
  for (size_t i = 0; i < rules.array_size(); ++i) {
    Field row = rules.at(i);
    if (!row.raw().is_object()) row.fail("expected an object");
    Rule r = read_rule(row, type_set);
    if (!ids.insert(r.id).second) row["id"].fail("duplicate rule id '" + r.id + "'");
    t.rules.push_back(std::move(r));
  }

  // Every pair needs a horizontal row, so a missing figure is a decision written down
  // (min_m 0) rather than an oversight.
  for (size_t i = 0; i < t.types.size(); ++i)
    for (size_t j = i + 1; j < t.types.size(); ++j) {
      const std::string &x = t.types[i], &y = t.types[j];
      bool found = false;
      for (const Rule& r : t.rules)
        if (r.kind == RuleKind::kHorizontal && ((r.a == x && r.b == y) || (r.a == y && r.b == x)))
          found = true;
      if (!found)
        rules.fail("no horizontal rule for " + x + "-" + y +
                   " (every pair of \"types\" needs one; min_m 0 for none)");
    }
}

}  // namespace

Result<RuleTable> load_rules(const std::string& path) {
  Result<json> parsed = json_io::read_json_file(path);
  if (!parsed) return parsed.error();
  const json& root = *parsed;
  RuleTable t;
  t.file = path;
  try {
    read_table(root, path, t);
  } catch (const json_io::JsonFailure& f) {
    return f.error;
  }
  return t;
}

std::string default_rules_path() {
  // The environment wins so an installed binary can find its assets away from the source tree.
  const char* env = std::getenv("ESTATETWIN_ASSETS");
  std::string assets = env && *env ? env : ESTATETWIN_ASSETS_DIR;
  return assets + "/clearance_rules.json";
}

Result<RuleTable> load_scene_rules(const Scene& scene) {
  if (scene.clearance_rules_file.empty()) return load_rules(default_rules_path());
  fs::path p(scene.clearance_rules_file);
  if (p.is_relative()) p = fs::path(scene.dir.empty() ? "." : scene.dir) / p;
  return load_rules(p.lexically_normal().string());
}

}  // namespace et::plan
