// Net: nodes and links of one utility in one estate, joined by id; the lane cross-section;
// the estate as the builders see it.
#include "net_common.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "models.h"

namespace et::gen {

namespace {

constexpr double kSame = 1e-3;  // nodes closer than a millimetre are the same node

// Offsets from the lane edge (see net_common.h). Row lanes are 6 m wide (sections: power
// cable 70 mm, telecom duct bank 250 mm, sewer DN300, storm DN300-400, water DN100-150, gas
// DN100); the main lane 7 m (duct banks 600 and 450 mm, sewer DN400, storm DN600, water
// DN200, gas DN150); the 5 m secondary lane carries an LV tie cable, a telecom duct and the
// water loop (DN150).
double row_offset(Line l) {
  switch (l) {
    case Line::kPower:
      return 0.4;
    case Line::kTelecom:
      return 1.1;
    case Line::kSewer:
      return 2.5;
    case Line::kStorm:
      return 3.35;
    case Line::kWater:
      return 4.75;
    case Line::kGas:
      return 5.45;
  }
  return 0.0;
}

double main_offset(Line l) {
  switch (l) {
    case Line::kPower:
      return 0.45;
    case Line::kTelecom:
      return 1.5;
    case Line::kSewer:
      return 2.95;
    case Line::kStorm:
      return 3.8;
    case Line::kWater:
      return 5.25;
    case Line::kGas:
      return 6.0;
  }
  return 0.0;
}

}  // namespace

double NetLink::plan_length_m() const {
  double s = 0.0;
  for (std::size_t i = 1; i < path.size(); ++i) s += glm::length(path[i] - path[i - 1]);
  return s;
}

double NetLink::section_height_m() const {
  return (diameter_mm > 0.0 ? diameter_mm : height_mm) / 1000.0;
}

double NetLink::cover_at(double s) const {
  const double total = plan_length_m();
  const double t = total > 0.0 ? s / total : 0.0;
  return cover_start_m + (cover_end_m - cover_start_m) * t;
}

double NetLink::length_m() const {
  double s = 0.0, len = 0.0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const double d = glm::length(path[i] - path[i - 1]);
    const double dz = cover_at(s + d) - cover_at(s);  // both ends offset by the same half
    len += std::sqrt(d * d + dz * dz);
    s += d;
  }
  return len;
}

std::string Net::next_id(const std::string& tag, int width) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s-%s%0*d", code_.c_str(), tag.c_str(), width, ++counters_[tag]);
  return buf;
}

std::string Net::node(glm::dvec2 p, const std::string& kind, const std::string& tag) {
  for (const NetNode& n : nodes) {
    if (glm::length(n.p - p) < kSame) return n.id;
  }
  NetNode n;
  n.id = next_id(tag, 2);
  n.kind = kind;
  n.p = p;
  index_[n.id] = nodes.size();
  nodes.push_back(n);
  return nodes.back().id;
}

std::string Net::named(const std::string& name, glm::dvec2 p, const std::string& kind) {
  NetNode n;
  n.id = code_ + "-" + name;
  n.kind = kind;
  n.p = p;
  if (!index_.emplace(n.id, nodes.size()).second) throw std::logic_error("duplicate " + n.id);
  nodes.push_back(n);
  return nodes.back().id;
}

NetNode& Net::at(const std::string& id) {
  auto it = index_.find(id);
  if (it == index_.end()) throw std::logic_error("no node " + id);
  return nodes[it->second];
}

NetLink& Net::link(const std::string& from, const std::string& to, const NetLink& style,
                   const std::vector<glm::dvec2>& via) {
  NetLink l = style;
  const std::string tag = !style.id.empty()       ? style.id
                          : style.kind == "cable" ? "C"
                          : style.kind == "duct"  ? "D"
                                                  : "P";
  l.id = next_id(tag, 3);
  l.from = from;
  l.to = to;
  l.path.clear();
  l.path.push_back(pos(from));
  for (const glm::dvec2& v : via) l.path.push_back(v);
  l.path.push_back(pos(to));
  links.push_back(std::move(l));
  return links.back();
}

std::string Net::tap(glm::dvec2 p, const std::string& kind, const std::string& tag) {
  for (const NetNode& n : nodes) {
    if (glm::length(n.p - p) < kSame) return n.id;
  }
  for (std::size_t li = 0; li < links.size(); ++li) {
    double s = 0.0;
    for (std::size_t i = 1; i < links[li].path.size(); ++i) {
      const glm::dvec2 a = links[li].path[i - 1], b = links[li].path[i];
      const double len = glm::length(b - a);
      const double t = glm::dot(p - a, b - a) / (len * len);
      if (t <= 0.0 || t >= 1.0 || glm::length(a + (b - a) * t - p) > kSame) {
        s += len;
        continue;
      }
      const std::string id = node(p, kind, tag);
      NetLink second = links[li];
      NetLink& first = links[li];
      const double cover = first.cover_at(s + len * t);
      first.path.erase(first.path.begin() + static_cast<long>(i), first.path.end());
      first.path.push_back(p);
      first.to = id;
      first.cover_end_m = cover;
      second.path.erase(second.path.begin(), second.path.begin() + static_cast<long>(i));
      second.path.insert(second.path.begin(), p);
      second.from = id;
      second.cover_start_m = cover;
      second.id = next_id(second.id.substr(code_.size() + 1, 1), 3);
      links.push_back(second);
      return id;
    }
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s: no link through %.2f, %.2f", code_.c_str(), p.x, p.y);
  throw std::logic_error(buf);
}

double Net::length_m() const {
  double s = 0.0;
  for (const NetLink& l : links) s += l.length_m();
  return s;
}

void lay_run(Net& net, const std::vector<glm::dvec2>& pts, const std::string& kind,
             const std::string& tag, const NetLink& style, const CoverFn& cover) {
  std::vector<std::string> ids;
  for (const glm::dvec2& p : pts) ids.push_back(net.node(p, kind, tag));
  for (std::size_t i = 1; i < ids.size(); ++i) {
    NetLink& l = net.link(ids[i - 1], ids[i], style);
    if (cover) {
      l.cover_start_m = cover(pts[i - 1]);
      l.cover_end_m = cover(pts[i]);
    }
  }
}

NetLink line_style(const std::string& kind, double diameter_mm, const std::string& material,
                   int year, const std::string& owner, double cover) {
  NetLink l;
  l.kind = kind;
  l.diameter_mm = diameter_mm;
  l.material = material;
  l.install_year = year;
  l.owner = owner;
  l.cover_start_m = l.cover_end_m = cover;
  return l;
}

double row_line_y(const EstateLayout& e, int row, Line line) {
  return e.row_lanes[static_cast<std::size_t>(row)].y0 + row_offset(line);
}

double main_line_x(const EstateLayout& e, Line line) { return e.main_lane.x0 + main_offset(line); }

double secondary_line_x(const EstateLayout& e, Line line) {
  return e.secondary_lane.x0 + (line == Line::kPower ? 0.3 : line == Line::kTelecom ? 1.0 : 2.25);
}

const FacilitySite& NetSite::facility(const std::string& id) const {
  for (const FacilitySite& f : layout->facilities) {
    if (f.id == id) return f;
  }
  throw std::logic_error("no facility " + id);
}

NetSite net_site(const EstateLayout& layout, const std::vector<int>& block_years) {
  NetSite s;
  s.layout = &layout;
  for (std::size_t i = 0; i < layout.blocks.size(); ++i) {
    const BlockSite& b = layout.blocks[i];
    SiteBlock sb;
    char id[16];
    std::snprintf(id, sizeof id, "B%02d", static_cast<int>(i) + 1);
    sb.id = id;
    sb.site = &b;
    sb.year = i < block_years.size() ? block_years[i] : 1990;
    sb.wall_y = b.y + kBlockDepth / 2;
    sb.x0 = b.x - b.units * kUnitWidth / 2;
    sb.x1 = b.x + b.units * kUnitWidth / 2;
    for (int u = 0; u < b.units; ++u) sb.entrances.push_back(sb.x0 + (u + 0.5) * kUnitWidth);
    sb.households_per_entrance = 2 * b.floors;
    s.blocks.push_back(sb);
  }
  return s;
}

std::string service_condition(SplitMix64& rng, int age) {
  const double u = rng.unit() + age / 60.0;
  return u < 0.55 ? "good" : u < 0.95 ? "fair" : u < 1.25 ? "poor" : "very poor";
}

std::string sewer_grade(SplitMix64& rng, int age) {
  const double u = rng.unit() * 0.8 + age / 50.0;
  return u < 0.35 ? "I" : u < 0.7 ? "II" : u < 1.0 ? "III" : "IV";
}

std::vector<double> stations(double a, double b, std::vector<double> extra, double max_gap) {
  extra.push_back(a);
  extra.push_back(b);
  const double lo = std::min(a, b), hi = std::max(a, b);
  std::vector<double> s;
  for (double v : extra) {
    if (v >= lo - kSame && v <= hi + kSame) s.push_back(v);
  }
  std::sort(s.begin(), s.end());
  std::vector<double> out;
  for (double v : s) {
    if (out.empty() || v - out.back() > kSame) out.push_back(v);
  }
  std::vector<double> filled;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i > 0) {
      const int parts = static_cast<int>(std::ceil((out[i] - out[i - 1]) / max_gap - 1e-9));
      for (int k = 1; k < parts; ++k)
        filled.push_back(out[i - 1] + (out[i] - out[i - 1]) * k / parts);
    }
    filled.push_back(out[i]);
  }
  if (a > b) std::reverse(filled.begin(), filled.end());
  return filled;
}

}  // namespace et::gen
