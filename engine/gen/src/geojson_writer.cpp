// Builds each estate's networks and writes them as GeoJSON, by hand (a district holds a few
// hundred thousand features; a JSON tree of them would cost more than the rest of the
// generator). Every number is printed with a fixed number of decimals, trailing zeros
// dropped, so the bytes depend on nothing but the values.
#include "geojson_writer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <system_error>

#include "et/core/file_io.h"
#include "net_common.h"

namespace et::gen {

namespace {

void num(std::string& out, double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  out += s;
}

void str(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

class FeatureWriter {
 public:
  FeatureWriter(std::string& out, const GeoOrigin& origin, const std::string& prefix,
                glm::dvec2 offset)
      : out_(out), origin_(origin), prefix_(prefix), offset_(offset) {}

  void node(const NetNode& n) {
    begin("Point");
    lonlat(n.p);
    out_ += "]},\"properties\":{";
    first_ = true;
    text("id", prefix_ + n.id);
    text("kind", n.kind);
    if (n.depth_m > 0.0) number("depth_m", n.depth_m, 2);
    text("owner", n.owner);
    if (n.install_year > 0) number("install_year", n.install_year, 0);
    text("condition", n.condition);
    if (!n.building.empty()) text("building", prefix_ + n.building);
    if (n.entrance > 0) number("entrance", n.entrance, 0);
    if (n.households > 0) number("households", n.households, 0);
    text("note", n.note);
    out_ += "}}";
  }

  void link(const NetLink& l) {
    begin("LineString");
    for (std::size_t i = 0; i < l.path.size(); ++i) {
      if (i > 0) out_ += "],[";
      lonlat(l.path[i]);
    }
    out_ += "]]},\"properties\":{";
    first_ = true;
    text("id", prefix_ + l.id);
    text("kind", l.kind);
    text("from", prefix_ + l.from);
    text("to", prefix_ + l.to);
    if (l.diameter_mm > 0.0) {
      number("diameter_mm", l.diameter_mm, 0);
    } else {
      number("width_mm", l.width_mm, 0);
      number("height_mm", l.height_mm, 0);
    }
    number("cover_start_m", l.cover_start_m, 2);
    number("cover_end_m", l.cover_end_m, 2);
    text("material", l.material);
    if (l.install_year > 0) number("install_year", l.install_year, 0);
    text("owner", l.owner);
    text("condition", l.condition);
    text("state", l.state);
    text("subtype", l.subtype);
    text("pressure_class", l.pressure_class);
    if (l.voltage_kv > 0.0) number("voltage_kv", l.voltage_kv, 2);
    if (l.cable_count > 0) number("cable_count", l.cable_count, 0);
    if (l.fibre_count > 0) number("fibre_count", l.fibre_count, 0);
    if (l.duct_count > 0) number("duct_count", l.duct_count, 0);
    text("note", l.note);
    out_ += "}}";
  }

 private:
  void begin(const char* type) {
    if (out_.back() == '}') out_ += ",\n";
    out_ += "{\"type\":\"Feature\",\"geometry\":{\"type\":\"";
    out_ += type;
    out_ += type[0] == 'P' ? "\",\"coordinates\":[" : "\",\"coordinates\":[[";
  }
  void lonlat(glm::dvec2 p) {
    const glm::dvec3 g = enu_to_lonlat(origin_, glm::dvec3(p + offset_, 0.0));
    num(out_, g.x, 9);
    out_ += ',';
    num(out_, g.y, 9);
  }
  void key(const char* k) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += k;
    out_ += "\":";
  }
  void text(const char* k, const std::string& v) {
    if (v.empty()) return;
    key(k);
    str(out_, v);
  }
  void number(const char* k, double v, int decimals) {
    key(k);
    num(out_, v, decimals);
  }

  std::string& out_;
  const GeoOrigin& origin_;
  const std::string& prefix_;
  glm::dvec2 offset_;
  bool first_ = true;
};

// Junctions, valves and the like left without an owner or a year belong to the line they
// sit on: they take those of the first link that meets them.
void inherit_from_links(Net& net) {
  std::map<std::string, const NetLink*> first;
  for (const NetLink& l : net.links) {
    first.emplace(l.from, &l);
    first.emplace(l.to, &l);
  }
  for (NetNode& n : net.nodes) {
    auto it = first.find(n.id);
    if (it == first.end()) continue;
    if (n.owner.empty()) n.owner = it->second->owner;
    if (n.install_year == 0) n.install_year = it->second->install_year;
  }
}

void append(const Net& net, FeatureWriter& w) {
  for (const NetNode& n : net.nodes) w.node(n);
  for (const NetLink& l : net.links) w.link(l);
}

}  // namespace

EstateNets build_estate_nets(const NetSite& site, std::uint64_t seed) {
  EstateNets n;
  // One stream per utility, so adding a feature to one leaves the others' bytes alone.
  SplitMix64 water(seed ^ 0x57A7E5ull), drain(seed ^ 0xD5A17ull), gas(seed ^ 0x6A5ull),
      power(seed ^ 0x90E5ull), telecom(seed ^ 0x7E1Eull), tangle(seed ^ 0x7A9613ull);
  build_water(site, water, n.water);
  build_drainage(site, drain, n.sewer, n.storm);
  build_gas(site, gas, n.gas);
  build_power(site, power, n.power);
  build_telecom(site, telecom, n.telecom);
  add_tangle(site, tangle, n);
  int oldest = 9999;
  for (const SiteBlock& b : site.blocks) oldest = std::min(oldest, b.year);
  set_manhole_depths(n.sewer, oldest);
  set_manhole_depths(n.storm, oldest);
  for (Net* net : {&n.water, &n.sewer, &n.storm, &n.gas, &n.power, &n.telecom}) {
    inherit_from_links(*net);
  }
  return n;
}

Status write_networks(const EstateLayout& layout, const std::vector<EstatePlacement>& estates,
                      std::uint32_t seed, const GeoOrigin& origin, const std::string& out_dir,
                      std::vector<NetworkFile>& files, EstateNets* first) {
  const std::string dir = out_dir + "/networks";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return make_error(dir, "", "cannot create directory: " + ec.message());

  files = {{"water", "networks/water.geojson"},
           {"drainage", "networks/drainage.geojson"},
           {"gas", "networks/gas.geojson"},
           {"power", "networks/power.geojson"},
           {"telecom", "networks/telecom.geojson"}};
  std::vector<std::string> text(files.size(), "{\"type\":\"FeatureCollection\",\"features\":[\n");
  for (std::size_t k = 0; k < estates.size(); ++k) {
    const EstatePlacement& est = estates[k];
    const NetSite site = net_site(layout, est.block_years);
    SplitMix64 mix(seed * 0x9E3779B97F4A7C15ull + k);
    const EstateNets n = build_estate_nets(site, mix.next());
    if (k == 0 && first != nullptr) *first = n;
    const Net* per_file[][2] = {{&n.water, nullptr},
                                {&n.sewer, &n.storm},
                                {&n.gas, nullptr},
                                {&n.power, nullptr},
                                {&n.telecom, nullptr}};
    for (std::size_t f = 0; f < files.size(); ++f) {
      FeatureWriter w(text[f], origin, est.prefix, est.offset);
      for (const Net* net : per_file[f]) {
        if (net == nullptr) continue;
        append(*net, w);
        files[f].km += net->length_m() / 1000.0;
      }
    }
  }
  for (std::size_t f = 0; f < files.size(); ++f) {
    text[f] += "\n]}\n";
    Status s = write_text_atomic(out_dir + "/" + files[f].file, text[f]);
    if (!s.ok()) return s;
  }
  return Status(Ok{});
}

}  // namespace et::gen
