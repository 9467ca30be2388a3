// EPANET .inp water networks (README "Networks"). The file is read in one pass into rows
// per section, then turned into nodes and links, because sections may come in any order
// ([OPTIONS] with the units often comes last, [COORDINATES] after [PIPES]). Errors name the
// file, the line and the section: "net.inp: line 57 [PIPES]: pipe P12 ends at unknown node J99".
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

#include "et/core/file_io.h"
#include "et/scene/network.h"
#include "network_detail.h"

namespace et {
namespace {

using netdetail::number_text;

struct Failure {
  Error error;
};

struct Row {
  int line = 0;
  std::string section;  // "[PIPES]"
  std::vector<std::string> tok;
};

// Sections we turn into nodes and links, and those the hydraulic solver reads (skipped).
const char* const kRead[] = {"[TITLE]", "[JUNCTIONS]", "[RESERVOIRS]",  "[TANKS]",    "[PIPES]",
                             "[PUMPS]", "[VALVES]",    "[COORDINATES]", "[VERTICES]", "[OPTIONS]"};
const char* const kSkipped[] = {"[DEMANDS]",   "[STATUS]",  "[PATTERNS]", "[CURVES]",  "[CONTROLS]",
                                "[RULES]",     "[ENERGY]",  "[EMITTERS]", "[QUALITY]", "[SOURCES]",
                                "[REACTIONS]", "[MIXING]",  "[TIMES]",    "[REPORT]",  "[TAGS]",
                                "[LABELS]",    "[BACKDROP]"};

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

bool one_of(const std::string& s, const char* const* b, const char* const* e) {
  return std::any_of(b, e, [&](const char* k) { return s == k; });
}

struct NodeDef {
  Row row;
  NodeKind kind;
  double elevation_m;  // junction/tank bottom elevation, reservoir head
};

class InpReader {
 public:
  InpReader(const NetworkSource& src, netdetail::CoordMapper& map) : src_(src), map_(map) {}

  [[noreturn]] void fail(const Row& r, const std::string& what) const {
    std::string place = "line " + std::to_string(r.line);
    if (!r.section.empty()) place += " " + r.section;
    throw Failure{make_error(src_.path, place, what)};
  }

  void split(const std::string& text) {
    std::istringstream in(text);
    std::string line, section;
    for (int n = 1; std::getline(in, line); ++n) {
      if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
      line = line.substr(0, line.find(';'));
      Row r{n, section, {}};
      std::istringstream words(line);
      for (std::string w; words >> w;) r.tok.push_back(w);
      if (r.tok.empty()) continue;
      if (r.tok[0][0] == '[') {
        section = upper(r.tok[0]);
        r.section.clear();
        if (section == "[END]") return;  // EPANET ignores everything after [END]
        if (!one_of(section, std::begin(kRead), std::end(kRead)) &&
            !one_of(section, std::begin(kSkipped), std::end(kSkipped)))
          fail(r, "unknown section " + r.tok[0]);
        continue;
      }
      if (section.empty()) fail(r, "data before the first [SECTION] header");
      if (one_of(section, std::begin(kRead), std::end(kRead))) rows_.push_back(std::move(r));
    }
  }

  double number(const Row& r, size_t i, const std::string& what) const {
    const std::string& t = r.tok[i];
    double v = 0.0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v))
      fail(r, what + ": bad number '" + t + "'");
    return v;
  }

  void need(const Row& r, size_t n, const char* layout) const {
    if (r.tok.size() < n)
      fail(r, "expected " + std::string(layout) + ", got " + std::to_string(r.tok.size()) +
                  " field" + (r.tok.size() == 1 ? "" : "s"));
  }

  Network build() {
    Network net;
    net.utility = src_.utility;
    net.file = src_.path;
    read_units();
    read_nodes(net);
    read_links(net);
    return net;
  }

 private:
  // [OPTIONS] UNITS, wherever it is. Default GPM, as in EPANET.
  void read_units() {
    // Units first: with US flow units EPANET lengths and elevations are feet and
    // diameters inches; with SI flow units metres and millimetres.
    bool us = true;
    for (const Row& r : rows_)
      if (r.section == "[OPTIONS]" && upper(r.tok[0]) == "UNITS") {
        need(r, 2, "UNITS <flow units>");
        std::string u = upper(r.tok[1]);
        if (one_of(u, std::begin(kUs), std::end(kUs)))
          us = true;
        else if (one_of(u, std::begin(kSi), std::end(kSi)))
          us = false;
        else
          fail(r, "unknown flow units '" + r.tok[1] +
                      "' (expected CFS, GPM, MGD, IMGD, AFD, LPS, LPM, MLD, CMH, CMD or CMS)");
      }
    len_m_ = us ? 0.3048 : 1.0;
    dia_mm_ = us ? 25.4 : 1.0;
    len_unit_ = us ? " ft" : " m";
  }

  void read_nodes(Network& net) {
    std::vector<NodeDef> defs;
    for (const Row& r : rows_) {
      NodeKind kind = r.section == "[JUNCTIONS]"    ? NodeKind::kJunction
                      : r.section == "[RESERVOIRS]" ? NodeKind::kReservoir
                      : r.section == "[TANKS]"      ? NodeKind::kTank
                                                    : NodeKind::kCount;
      if (kind == NodeKind::kCount) continue;
      need(r, 2, kind == NodeKind::kReservoir ? "ID HEAD [PATTERN]" : "ID ELEVATION ...");
      const char* what = kind == NodeKind::kReservoir ? "head" : "elevation";
      double elev = number(r, 1, std::string(node_kind_name(kind)) + " " + r.tok[0] + ": " + what);
      auto [it, fresh] = node_at_.emplace(r.tok[0], static_cast<int>(defs.size()));
      if (!fresh)
        fail(r, "duplicate node id '" + r.tok[0] + "' (also line " +
                    std::to_string(defs[static_cast<size_t>(it->second)].row.line) + ")");
      defs.push_back({r, kind, elev * len_m_});
      NetNode n;
      n.id = r.tok[0];
      n.kind = kind;
      n.attributes[what] = r.tok[1] + len_unit_;
      if (kind == NodeKind::kJunction && r.tok.size() > 2) n.attributes["demand"] = r.tok[2];
      net.nodes.push_back(std::move(n));
    }

    // The ground the elevations hang from: the scene's, else the highest junction (so that
    // no junction is above ground), else the highest node of any kind.
    double ground = src_.ground_elevation_m;
    if (!src_.has_ground_elevation) {
      double top_junction = -INFINITY, top_any = -INFINITY;
      for (const NodeDef& d : defs) {
        top_any = std::max(top_any, d.elevation_m);
        if (d.kind == NodeKind::kJunction) top_junction = std::max(top_junction, d.elevation_m);
      }
      ground = std::isfinite(top_junction) ? top_junction : std::isfinite(top_any) ? top_any : 0.0;
    }

    std::vector<bool> placed(defs.size(), false);
    for (const Row& r : rows_) {
      if (r.section != "[COORDINATES]") continue;
      need(r, 3, "NODE X Y");
      auto it = node_at_.find(r.tok[0]);
      if (it == node_at_.end()) fail(r, "coordinates for unknown node '" + r.tok[0] + "'");
      size_t i = static_cast<size_t>(it->second);
      Result<glm::dvec2> p = map_.to_scene(number(r, 1, "node " + r.tok[0] + ": x"),
                                           number(r, 2, "node " + r.tok[0] + ": y"));
      if (!p) fail(r, "node " + r.tok[0] + ": " + p.error().message);
      net.nodes[i].position = glm::dvec3(*p, 0.0);  // nodes stand on the ground surface
      placed[i] = true;
    }
    for (size_t i = 0; i < defs.size(); ++i) {
      if (!placed[i])
        fail(defs[i].row, std::string(node_kind_name(defs[i].kind)) + " " + defs[i].row.tok[0] +
                              " has no entry in [COORDINATES]");
      net.nodes[i].depth_m = ground - defs[i].elevation_m;
    }
  }

  void read_links(Network& net) {
    std::map<std::string, size_t> link_at;
    std::vector<int> link_rows;
    for (size_t k = 0; k < rows_.size(); ++k) {
      const Row& r = rows_[k];
      bool pipe = r.section == "[PIPES]", pump = r.section == "[PUMPS]";
      if (!pipe && !pump && r.section != "[VALVES]") continue;
      const char* kind = pipe ? "pipe" : pump ? "pump" : "valve";
      need(r,
           pipe   ? 5
           : pump ? 3
                  : 5,
           pipe   ? "ID NODE1 NODE2 LENGTH DIAMETER [ROUGHNESS MINORLOSS STATUS]"
           : pump ? "ID NODE1 NODE2 [HEAD curve | POWER kw | ...]"
                  : "ID NODE1 NODE2 DIAMETER TYPE [SETTING MINORLOSS]");
      std::string who = std::string(kind) + " " + r.tok[0];
      auto [it, fresh] = link_at.emplace(r.tok[0], net.links.size());
      if (!fresh)
        fail(r, "duplicate link id '" + r.tok[0] + "' (also line " +
                    std::to_string(rows_[static_cast<size_t>(link_rows[it->second])].line) + ")");
      NetLink l;
      l.id = r.tok[0];
      l.kind = LinkKind::kPipe;
      for (int end = 0; end < 2; ++end) {
        auto n = node_at_.find(r.tok[1 + static_cast<size_t>(end)]);
        if (n == node_at_.end())
          fail(r, who + (end ? " ends" : " starts") + " at unknown node " +
                      r.tok[1 + static_cast<size_t>(end)]);
        (end ? l.to : l.from) = n->second;
      }
      if (pipe) {
        number(r, 3, who + ": length");
        l.attributes["length"] = r.tok[3] + len_unit_;
        l.diameter_mm = number(r, 4, who + ": diameter") * dia_mm_;
        if (r.tok.size() > 5) l.attributes["roughness"] = r.tok[5];
        if (r.tok.size() > 7) l.attributes["status"] = r.tok[7];
      } else if (pump) {
        l.attributes["type"] = "pump";
        std::string params;
        for (size_t i = 3; i < r.tok.size(); ++i) params += (i > 3 ? " " : "") + r.tok[i];
        if (!params.empty()) l.attributes["parameters"] = params;
      } else {
        l.diameter_mm = number(r, 3, who + ": diameter") * dia_mm_;
        l.attributes["type"] = upper(r.tok[4]);
        if (r.tok.size() > 5) l.attributes["setting"] = r.tok[5];
      }
      if (!pump && !(l.diameter_mm > 0.0)) fail(r, who + ": diameter must be positive");
      l.path.push_back(net.nodes[static_cast<size_t>(l.from)].position);
      net.links.push_back(std::move(l));
      link_rows.push_back(static_cast<int>(k));
    }

    for (const Row& r : rows_) {
      if (r.section != "[VERTICES]") continue;
      need(r, 3, "LINK X Y");
      auto it = link_at.find(r.tok[0]);
      if (it == link_at.end()) fail(r, "vertex for unknown link '" + r.tok[0] + "'");
      Result<glm::dvec2> p = map_.to_scene(number(r, 1, "link " + r.tok[0] + ": x"),
                                           number(r, 2, "link " + r.tok[0] + ": y"));
      if (!p) fail(r, "link " + r.tok[0] + ": " + p.error().message);
      net.links[it->second].path.push_back(glm::dvec3(*p, 0.0));
    }
    for (NetLink& l : net.links) finish_link(net, l);
  }

  // Closes the path at the end node, sizes pumps and lays the link at its ends' depths.
  void finish_link(const Network& net, NetLink& l) const {
    const NetNode& a = net.nodes[static_cast<size_t>(l.from)];
    const NetNode& b = net.nodes[static_cast<size_t>(l.to)];
    l.path.push_back(b.position);
    // A pump has no diameter in the file: draw it as wide as the widest pipe it joins.
    if (l.diameter_mm == 0.0) {
      for (const NetLink& o : net.links)
        if (o.attributes.count("type") == 0 &&
            (o.from == l.from || o.to == l.from || o.from == l.to || o.to == l.to))
          l.diameter_mm = std::max(l.diameter_mm, o.diameter_mm);
      if (l.diameter_mm == 0.0) l.diameter_mm = 100.0;
    }
    std::vector<glm::dvec3> path = l.path;
    netdetail::drop_repeated_vertices(path);
    if (path.size() >= 2) l.path = path;  // two nodes drawn on one spot keep both ends
    // Pipes are laid at the depth of their end nodes: axis z = -depth, linear in between.
    // A reservoir's "elevation" is its water level (head), which says nothing about where
    // its pipe runs, so that end takes the other end's depth.
    auto reservoir = [](const NetNode& n) { return n.kind == NodeKind::kReservoir; };
    double da = reservoir(a) ? (reservoir(b) ? 0.0 : b.depth_m) : a.depth_m;
    double db = reservoir(b) ? da : b.depth_m;
    netdetail::lay_path(l.path, da, db);
    l.cover_start_m = da - l.section_height_m() / 2.0;
    l.cover_end_m = db - l.section_height_m() / 2.0;
  }

  static constexpr const char* kUs[] = {"CFS", "GPM", "MGD", "IMGD", "AFD"};
  static constexpr const char* kSi[] = {"LPS", "LPM", "MLD", "CMH", "CMD", "CMS"};
  const NetworkSource& src_;
  netdetail::CoordMapper& map_;
  std::vector<Row> rows_;
  std::map<std::string, int> node_at_;  // node id -> index in Network::nodes
  double len_m_ = 0.3048, dia_mm_ = 25.4;
  std::string len_unit_ = " ft";
};

}  // namespace

Result<Network> load_inp_network(const NetworkSource& src, const GeoOrigin& origin) {
  Result<std::string> text = read_text_file(src.path);
  if (!text) return text.error();
  Result<netdetail::CoordMapper> map = netdetail::CoordMapper::create(src.crs, origin);
  if (!map) return make_error(src.path, "crs", map.error().message);
  try {
    InpReader reader(src, *map);
    reader.split(*text);
    return reader.build();
  } catch (const Failure& f) {
    return f.error;
  }
}

}  // namespace et
