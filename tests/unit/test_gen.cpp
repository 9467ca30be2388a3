// et_gen: the generated Muyanghu scene folder is complete, deterministic, scales to a
// district, and its OBJ files are well-formed; the ground is a true partition (drawn
// translucent, so an overlap would double-blend and a gap would show through).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "et/core/file_io.h"
#include "et/gen/estate.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using P3 = std::array<double, 3>;

// A fresh directory per test, so parallel test runs never share output.
class TempDir {
 public:
  TempDir() {
    std::string templ = ::testing::TempDir() + "et_gen_XXXXXX";
    char* made = mkdtemp(templ.data());
    if (made == nullptr) throw std::runtime_error("mkdtemp failed under " + ::testing::TempDir());
    path_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string sub(const std::string& name) const { return (fs::path(path_) / name).string(); }

 private:
  std::string path_;
};

std::string slurp(const std::string& path) {
  et::Result<std::string> r = et::read_text_file(path);
  if (!r.ok()) ADD_FAILURE() << r.error().message;
  return r.ok() ? r.value() : std::string();
}

json generate(const std::string& dir, int estates = 1, std::uint32_t seed = 1) {
  et::gen::EstateOptions o;
  o.estates = estates;
  o.seed = seed;
  et::Status s = et::gen::generate_estate(o, dir);
  if (!s.ok()) {
    ADD_FAILURE() << s.error().message;
    return json();
  }
  return json::parse(slurp(dir + "/scene.json"));
}

int count_kind(const json& scene, const std::string& kind) {
  int n = 0;
  for (const json& b : scene["buildings"]) n += b["kind"] == kind ? 1 : 0;
  return n;
}

struct Obj {
  struct Face {
    std::vector<int> v;
    int n = 0;
  };
  std::vector<P3> v, vn;
  std::vector<Face> faces;
  std::string mtllib;
  std::set<std::string> used_materials;
  std::vector<std::string> problems;
  int triangles = 0;
};

// Parses the subset of OBJ the generator promises, recording every deviation.
Obj parse_obj(const std::string& path) {
  Obj obj;
  std::istringstream in(slurp(path));
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream ls(line);
    std::string key;
    ls >> key;
    auto problem = [&](const std::string& what) {
      obj.problems.push_back(path + ":" + std::to_string(line_no) + ": " + what + ": " + line);
    };
    if (key == "v" || key == "vn") {
      P3 p{};
      if (!(ls >> p[0] >> p[1] >> p[2])) problem("expected 3 numbers");
      (key == "v" ? obj.v : obj.vn).push_back(p);
    } else if (key == "f") {
      Obj::Face f;
      std::string corner;
      while (ls >> corner) {
        std::size_t slash = corner.find("//");
        if (slash == std::string::npos) {
          problem("expected v//vn");
          break;
        }
        int vi = std::stoi(corner.substr(0, slash)), ni = std::stoi(corner.substr(slash + 2));
        if (vi < 1 || vi > static_cast<int>(obj.v.size())) problem("vertex index out of range");
        if (ni < 1 || ni > static_cast<int>(obj.vn.size())) problem("normal index out of range");
        if (f.n != 0 && f.n != ni) problem("flat faces expected (one normal)");
        f.v.push_back(vi);
        f.n = ni;
      }
      if (f.v.size() < 3 || f.v.size() > 4) problem("expected a triangle or a quad");
      obj.triangles += static_cast<int>(f.v.size()) - 2;
      obj.faces.push_back(f);
    } else if (key == "usemtl") {
      std::string m;
      ls >> m;
      obj.used_materials.insert(m);
    } else if (key == "mtllib") {
      ls >> obj.mtllib;
    } else if (key == "o" || key == "g" || key == "#") {
    } else {
      problem("unexpected line");
    }
  }
  return obj;
}

std::set<std::string> mtl_names(const std::string& path) {
  std::set<std::string> names;
  std::istringstream in(slurp(path));
  std::string key, name;
  while (in >> key) {
    if (key == "newmtl" && (in >> name)) names.insert(name);
  }
  return names;
}

P3 newell(const Obj& obj, const Obj::Face& f) {
  P3 n{0, 0, 0};
  for (std::size_t i = 0; i < f.v.size(); ++i) {
    const P3& a = obj.v[f.v[i] - 1];
    const P3& b = obj.v[f.v[(i + 1) % f.v.size()] - 1];
    n[0] += (a[1] - b[1]) * (a[2] + b[2]);
    n[1] += (a[2] - b[2]) * (a[0] + b[0]);
    n[2] += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return n;
}

// Checks one OBJ and its MTL; returns the triangle count.
int check_obj(const std::string& path) {
  EXPECT_TRUE(fs::exists(path)) << path;
  Obj obj = parse_obj(path);
  for (const std::string& p : obj.problems) ADD_FAILURE() << p;
  EXPECT_FALSE(obj.faces.empty()) << path;
  EXPECT_FALSE(obj.mtllib.empty()) << path << ": no mtllib";
  std::set<std::string> defined = mtl_names((fs::path(path).parent_path() / obj.mtllib).string());
  for (const std::string& m : obj.used_materials) {
    EXPECT_TRUE(defined.count(m)) << path << ": usemtl " << m << " not in " << obj.mtllib;
  }
  if (!obj.problems.empty()) return obj.triangles;
  for (const P3& n : obj.vn) {
    EXPECT_NEAR(std::sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]), 1.0, 2e-3) << path;
  }
  // Counter-clockwise winding must agree with the stored normal.
  int disagree = 0;
  for (const Obj::Face& f : obj.faces) {
    P3 g = newell(obj, f);
    const P3& n = obj.vn[f.n - 1];
    double len = std::sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
    if (len == 0 || (g[0] * n[0] + g[1] * n[1] + g[2] * n[2]) / len < 0.99) ++disagree;
  }
  EXPECT_EQ(disagree, 0) << path << ": faces whose winding disagrees with their normal";
  return obj.triangles;
}

// The ground faces cover the extent exactly once: every sample point (kept off the
// centimetre grid all region edges lie on) is inside exactly one face, areas add up,
// and no vertex sits inside another face's edge (a T-junction would crack).
void check_ground_partition(const std::string& path, const json& extent, bool check_t_junctions) {
  Obj g = parse_obj(path);
  ASSERT_TRUE(g.problems.empty()) << g.problems.front();
  const double x0 = extent[0], y0 = extent[1], x1 = extent[2], y1 = extent[3];
  double area = 0;
  for (const Obj::Face& f : g.faces) {
    P3 n = newell(g, f);
    area += n[2] / 2;
    EXPECT_GT(n[2], 0.0) << "ground face not facing up";
    EXPECT_NEAR(g.vn[f.n - 1][2], 1.0, 1e-6);
    for (int vi : f.v) {
      const P3& p = g.v[vi - 1];
      EXPECT_EQ(p[2], 0.0);
      EXPECT_TRUE(p[0] >= x0 - 1e-9 && p[0] <= x1 + 1e-9 && p[1] >= y0 - 1e-9 && p[1] <= y1 + 1e-9)
          << "ground vertex outside the extent";
    }
  }
  EXPECT_NEAR(area, (x1 - x0) * (y1 - y0), 1e-6 * (x1 - x0) * (y1 - y0));

  // Bin faces by bounding box so the point test stays fast on a district.
  const int bins = 64;
  const double bw = (x1 - x0) / bins, bh = (y1 - y0) / bins;
  std::vector<std::vector<int>> bin(bins * bins);
  auto clampi = [&](double v) { return std::max(0, std::min(bins - 1, static_cast<int>(v))); };
  for (std::size_t i = 0; i < g.faces.size(); ++i) {
    double fx0 = 1e30, fy0 = 1e30, fx1 = -1e30, fy1 = -1e30;
    for (int vi : g.faces[i].v) {
      fx0 = std::min(fx0, g.v[vi - 1][0]), fx1 = std::max(fx1, g.v[vi - 1][0]);
      fy0 = std::min(fy0, g.v[vi - 1][1]), fy1 = std::max(fy1, g.v[vi - 1][1]);
    }
    for (int by = clampi((fy0 - y0) / bh); by <= clampi((fy1 - y0) / bh); ++by) {
      for (int bx = clampi((fx0 - x0) / bw); bx <= clampi((fx1 - x0) / bw); ++bx) {
        bin[by * bins + bx].push_back(static_cast<int>(i));
      }
    }
  }
  auto inside = [&](const Obj::Face& f, double px, double py) {
    for (std::size_t k = 0; k < f.v.size(); ++k) {
      const P3& a = g.v[f.v[k] - 1];
      const P3& b = g.v[f.v[(k + 1) % f.v.size()] - 1];
      if ((b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]) < 0) return false;
    }
    return true;
  };
  int bad = 0, samples = 0;
  for (double py = y0 + 0.00271; py < y1; py += 0.53) {
    for (double px = x0 + 0.00123; px < x1; px += 0.47) {
      int hits = 0;
      for (int i : bin[clampi((py - y0) / bh) * bins + clampi((px - x0) / bw)]) {
        hits += inside(g.faces[i], px, py) ? 1 : 0;
      }
      ++samples;
      if (hits != 1 && ++bad <= 5)
        ADD_FAILURE() << "ground covered " << hits << " times at " << px << "," << py;
    }
  }
  EXPECT_EQ(bad, 0) << "of " << samples << " samples";

  if (!check_t_junctions) return;
  int t_junctions = 0;
  for (const Obj::Face& f : g.faces) {
    for (std::size_t k = 0; k < f.v.size(); ++k) {
      const P3& a = g.v[f.v[k] - 1];
      const P3& b = g.v[f.v[(k + 1) % f.v.size()] - 1];
      for (const P3& p : g.v) {
        double cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
        double t = ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) /
                   ((b[0] - a[0]) * (b[0] - a[0]) + (b[1] - a[1]) * (b[1] - a[1]));
        if (std::abs(cross) < 1e-6 && t > 1e-6 && t < 1 - 1e-6) ++t_junctions;
      }
    }
  }
  EXPECT_EQ(t_junctions, 0);
}

}  // namespace

TEST(Gen, SingleEstateSceneIsComplete) {
  TempDir tmp;
  const std::string dir = tmp.sub("muyanghu");
  json scene = generate(dir);
  ASSERT_TRUE(scene.is_object());
  EXPECT_EQ(scene["format"], "estatetwin-scene/1");
  EXPECT_EQ(scene["name"], "Muyanghu");
  EXPECT_TRUE(scene["networks"].is_array());

  int households = 0;
  std::set<std::string> ids;
  for (const json& b : scene["buildings"]) {
    households += b["households"].get<int>();
    EXPECT_TRUE(ids.insert(b["id"].get<std::string>()).second) << "duplicate id " << b["id"];
    const std::string model = b["model"];
    ASSERT_TRUE(scene["models"].contains(model)) << b["id"] << " uses unknown model " << model;
    EXPECT_TRUE(fs::exists(dir + "/" + scene["models"][model]["file"].get<std::string>())) << model;
    EXPECT_EQ(b["footprint"].size(), 4u);
    EXPECT_EQ(b["position"].size(), 3u);
    EXPECT_GT(b["height_m"].get<double>(), 0.0);
    if (b["kind"] == "residential") {
      EXPECT_TRUE(b["floors"] == 6 || b["floors"] == 7) << b["id"];
      EXPECT_GE(b["year"].get<int>(), 1982);
      EXPECT_LE(b["year"].get<int>(), 1998);
      EXPECT_EQ(b["households"].get<int>() % (2 * b["floors"].get<int>()), 0) << b["id"];
    }
  }
  EXPECT_GE(households, 485);
  EXPECT_LE(households, 497);
  EXPECT_GE(count_kind(scene, "residential"), 12);
  EXPECT_LE(count_kind(scene, "residential"), 16);
  EXPECT_EQ(count_kind(scene, "pump_house"), 1);
  EXPECT_EQ(count_kind(scene, "transformer"), 1);
  EXPECT_EQ(count_kind(scene, "gas_regulator"), 1);
  EXPECT_GE(count_kind(scene, "telecom_cabinet"), 2);
  EXPECT_LE(count_kind(scene, "telecom_cabinet"), 3);
  EXPECT_EQ(scene["ground"]["model"], "ground");
  ASSERT_TRUE(scene["models"].contains("ground"));
  EXPECT_TRUE(fs::exists(dir + "/" + scene["models"]["ground"]["file"].get<std::string>()));
  EXPECT_EQ(scene["ground"]["extent"].size(), 4u);
}

TEST(Gen, SameOptionsGiveIdenticalFiles) {
  TempDir tmp;
  json a = generate(tmp.sub("a"));
  json b = generate(tmp.sub("b"));
  ASSERT_TRUE(a.is_object() && b.is_object());
  EXPECT_EQ(slurp(tmp.sub("a/scene.json")), slurp(tmp.sub("b/scene.json")));
  const std::string block = a["models"][a["buildings"][0]["model"].get<std::string>()]["file"];
  EXPECT_EQ(slurp(tmp.sub("a/" + block)), slurp(tmp.sub("b/" + block)));
  EXPECT_EQ(slurp(tmp.sub("a/ground.obj")), slurp(tmp.sub("b/ground.obj")));

  // The seed does vary the estate (palettes, roofs, years), but not its size.
  json c = generate(tmp.sub("c"), 1, 7);
  ASSERT_TRUE(c.is_object());
  EXPECT_NE(slurp(tmp.sub("a/scene.json")), slurp(tmp.sub("c/scene.json")));
  EXPECT_EQ(c["buildings"].size(), a["buildings"].size());
}

TEST(Gen, DistrictOfFourEstates) {
  TempDir tmp;
  json one = generate(tmp.sub("one"));
  json four = generate(tmp.sub("four"), 4);
  ASSERT_TRUE(one.is_object() && four.is_object());
  EXPECT_EQ(four["name"], "District of 4 estates");
  EXPECT_EQ(count_kind(four, "residential"), 4 * count_kind(one, "residential"));
  EXPECT_EQ(four["buildings"].size(), 4 * one["buildings"].size());
  std::set<std::string> ids;
  for (const json& b : four["buildings"]) {
    const std::string id = b["id"];
    EXPECT_EQ(id.rfind("E00", 0), 0u) << id;
    EXPECT_TRUE(ids.insert(id).second) << "duplicate id " << id;
  }
  EXPECT_TRUE(ids.count("E001-B01") && ids.count("E004-B01"));
  const json &e1 = one["ground"]["extent"], &e4 = four["ground"]["extent"];
  EXPECT_GT(e4[2].get<double>() - e4[0].get<double>(),
            2 * (e1[2].get<double>() - e1[0].get<double>()));
  EXPECT_GT(e4[3].get<double>() - e4[1].get<double>(),
            2 * (e1[3].get<double>() - e1[1].get<double>()));
  check_ground_partition(tmp.sub("four/ground.obj"), e4, false);
}

TEST(Gen, ObjFilesAreWellFormed) {
  TempDir tmp;
  const std::string dir = tmp.sub("m");
  json scene = generate(dir);
  ASSERT_TRUE(scene.is_object());
  for (const auto& [name, model] : scene["models"].items()) {
    const std::string path = dir + "/" + model["file"].get<std::string>();
    EXPECT_EQ(model["up"], "z");
    const int triangles = check_obj(path);
    if (name != "ground") {
      EXPECT_LE(triangles, 5000) << name << " is too heavy for an instanced block";
      EXPECT_GE(triangles, 12) << name;
    }
  }
}

TEST(Gen, GroundIsAPartitionWithoutCracks) {
  TempDir tmp;
  json scene = generate(tmp.sub("g"));
  ASSERT_TRUE(scene.is_object());
  check_ground_partition(tmp.sub("g/ground.obj"), scene["ground"]["extent"], true);
}

TEST(Gen, BuildingsStandApartOnTheSite) {
  TempDir tmp;
  json scene = generate(tmp.sub("s"));
  ASSERT_TRUE(scene.is_object());
  const json& ext = scene["ground"]["extent"];
  struct Box {
    std::string id;
    double x0, y0, x1, y1;
  };
  std::vector<Box> boxes;
  for (const json& b : scene["buildings"]) {
    Box box{b["id"], 1e30, 1e30, -1e30, -1e30};
    for (const json& c : b["footprint"]) {
      box.x0 = std::min(box.x0, c[0].get<double>()), box.x1 = std::max(box.x1, c[0].get<double>());
      box.y0 = std::min(box.y0, c[1].get<double>()), box.y1 = std::max(box.y1, c[1].get<double>());
    }
    const double px = b["position"][0], py = b["position"][1];
    EXPECT_NEAR((box.x0 + box.x1) / 2, px, 0.011) << box.id;
    EXPECT_NEAR((box.y0 + box.y1) / 2, py, 0.011) << box.id;
    EXPECT_TRUE(box.x0 > ext[0].get<double>() && box.x1 < ext[2].get<double>() &&
                box.y0 > ext[1].get<double>() && box.y1 < ext[3].get<double>())
        << box.id << " off the site";
    boxes.push_back(box);
  }
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const Box &a = boxes[i], &b = boxes[j];
      bool apart = a.x1 + 1.0 < b.x0 || b.x1 + 1.0 < a.x0 || a.y1 + 1.0 < b.y0 || b.y1 + 1.0 < a.y0;
      EXPECT_TRUE(apart) << a.id << " and " << b.id << " overlap or touch";
    }
  }
}

TEST(Gen, BookmarksFrameWhatTheyAreNamedFor) {
  TempDir tmp;
  json scene = generate(tmp.sub("b"));
  ASSERT_TRUE(scene.is_object());
  std::map<std::string, json> marks;
  for (const json& b : scene["bookmarks"]) marks[b["name"]] = b;
  ASSERT_TRUE(marks.count("overview") && marks.count("lane") && marks.count("pumphouse"));

  const json& ov = marks["overview"];
  const double dx = ov["target"][0].get<double>() - ov["eye"][0].get<double>();
  const double dy = ov["target"][1].get<double>() - ov["eye"][1].get<double>();
  const double dz = ov["target"][2].get<double>() - ov["eye"][2].get<double>();
  const double down_deg = std::atan2(-dz, std::hypot(dx, dy)) * 180 / 3.14159265358979;
  EXPECT_NEAR(down_deg, 45.0, 5.0);
  EXPECT_GT(dy, 0.0) << "overview should look north (from the south)";
  EXPECT_LT(dx, 0.0) << "overview should come from the east of south";

  const double lane_z = marks["lane"]["eye"][2];
  EXPECT_GE(lane_z, 1.5);
  EXPECT_LE(lane_z, 3.0);
  EXPECT_LT(marks["lane"]["ground_opacity"].get<double>(), 1.0);

  for (const json& b : scene["buildings"]) {
    if (b["kind"] != "pump_house") continue;
    const json& eye = marks["pumphouse"]["eye"];
    const double d = std::hypot(eye[0].get<double>() - b["position"][0].get<double>(),
                                eye[1].get<double>() - b["position"][1].get<double>());
    EXPECT_GE(d, 15.0);
    EXPECT_LE(d, 25.0);
  }
}

TEST(Gen, RejectsBadOptionsAndUnwritableFolders) {
  TempDir tmp;
  et::gen::EstateOptions bad;
  bad.estates = 0;
  et::Status s = et::gen::generate_estate(bad, tmp.sub("x"));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("estates"), std::string::npos) << s.error().message;

  // A regular file where the output folder should be.
  ASSERT_TRUE(et::write_text_atomic(tmp.sub("file"), "not a folder").ok());
  s = et::gen::generate_estate(et::gen::EstateOptions{}, tmp.sub("file/out"));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("file/out"), std::string::npos) << s.error().message;
}
