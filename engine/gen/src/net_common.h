// Utility networks of the generated estate, as plain data in the estate's local metres: the
// node/link records and the Net that joins them (net_common.cpp), the lane cross-section the
// mains follow, and the builders of each utility (net_water.cpp, net_drainage.cpp,
// net_energy.cpp, net_telecom.cpp, net_tangle.cpp). Internal to et_gen; the README's
// "Networks" section is the file format (geojson_writer.cpp writes it), and
// engine/scene/include/et/scene/network.h the model the files load into.
#pragma once

#include <cstdint>
#include <functional>
#include <glm/glm.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "estate_layout.h"
#include "rng.h"

namespace et::gen {

struct NetNode {
  std::string id;    // unique in its file within one estate ("W-J012"); the writer prefixes it
  std::string kind;  // a README node kind: junction, valve, manhole, building_connection, ...
  glm::dvec2 p{0.0};
  double depth_m = 0.0;  // manholes and wells: ground to the chamber floor; written when > 0
  std::string owner;
  int install_year = 0;
  std::string condition;
  std::string building;  // building connections: local building id ("B03"); prefixed too
  int entrance = 0;      // stairwell entrance served (1 = westmost); 0: the whole building
  int households = 0;    // households behind a building connection
  std::string note;      // free text for the inspector
};

struct NetLink {
  std::string id;  // in a style passed to Net::link: the id letter ("X"); default by kind
  std::string kind = "pipe";  // pipe, cable, duct
  std::string from, to;
  std::vector<glm::dvec2> path;                   // from's position, bends, to's position
  double diameter_mm = 0.0;                       // round section, or
  double width_mm = 0.0, height_mm = 0.0;         // rectangular (duct banks)
  double cover_start_m = 0.0, cover_end_m = 0.0;  // < 0: above ground (overhead)
  std::string material;
  int install_year = 0;
  std::string owner, condition;
  std::string state = "as_found";
  std::string subtype, pressure_class;
  double voltage_kv = 0.0;
  int cable_count = 0, fibre_count = 0, duct_count = 0;
  std::string note;

  double plan_length_m() const;
  double section_height_m() const;
  // 3D length as the loader builds the path: axis at -(cover + height / 2), the cover
  // interpolated along the plan length between the two ends.
  double length_m() const;
  // Cover at plan distance s from the start.
  double cover_at(double s) const;
};

// One utility's network in one estate.
class Net {
 public:
  explicit Net(std::string code) : code_(std::move(code)) {}
  const std::string& code() const { return code_; }

  // The node at p (within 1 mm) if there is one, else a new one: id "<code>-<tag><nn>".
  std::string node(glm::dvec2 p, const std::string& kind, const std::string& tag);
  // A new node with a chosen name: id "<code>-<name>" (building connections, facilities).
  std::string named(const std::string& name, glm::dvec2 p, const std::string& kind);
  NetNode& at(const std::string& id);
  glm::dvec2 pos(const std::string& id) { return at(id).p; }

  // A link from -> to through `via`, with the attributes of `style`. The reference is valid
  // until the next link is added.
  NetLink& link(const std::string& from, const std::string& to, const NetLink& style,
                const std::vector<glm::dvec2>& via = {});
  // The node at p, splitting the link that passes through p if there is no node there yet
  // (the halves keep the link's attributes; covers are interpolated). p must lie on a link.
  std::string tap(glm::dvec2 p, const std::string& kind, const std::string& tag);

  double length_m() const;

  std::vector<NetNode> nodes;
  std::vector<NetLink> links;

 private:
  std::string next_id(const std::string& tag, int width);
  std::string code_;
  std::map<std::string, int> counters_;
  std::map<std::string, std::size_t> index_;
};

using CoverFn = std::function<double(glm::dvec2)>;
// Nodes at pts (reusing any already there, else new ones of this kind), each linked to the
// next with style's attributes; covers from `cover` at each end when given.
void lay_run(Net& net, const std::vector<glm::dvec2>& pts, const std::string& kind,
             const std::string& tag, const NetLink& style, const CoverFn& cover = {});
// A link style: round section, constant cover.
NetLink line_style(const std::string& kind, double diameter_mm, const std::string& material,
                   int year, const std::string& owner, double cover);

// Lane cross-section, GB 50289 order from the building line outward: power, telecom, sewer,
// storm, water, gas. Offsets of each centre line from the lane edge on the entrances' side
// (row lanes: south edge) or the west edge (north-south lanes), sized so neighbouring
// sections keep table 4.1.9's horizontal clearances edge to edge.
enum class Line { kPower, kTelecom, kSewer, kStorm, kWater, kGas };
double row_line_y(const EstateLayout& e, int row, Line line);
double main_line_x(const EstateLayout& e, Line line);
double secondary_line_x(const EstateLayout& e, Line line);  // power, telecom, water

// Covers of the as-found mains: one depth band per utility, so that lines crossing each
// other (services cross the mains nearer the building) pass clear above or below:
// telecom (shallowest), gas, power, water; drainage deeper still (net_drainage.cpp).
constexpr double kCoverTelecom = 0.6;
constexpr double kCoverGas = 0.8;
constexpr double kCoverPower = 1.0;
constexpr double kCoverWater = 1.2;

// Where each utility's service reaches a block's entrance wall, along the wall from the
// stairwell door (metres east), spaced for the same clearances. Water and sewer connect at
// every stairwell (each has its riser and stack); power, telecom and gas once a block,
// beside the middle entrance (distribution inside or on the facade); storm at roof drains
// at the block's two ends and a yard drain on the south side.
constexpr double kServiceDxPower = -2.6;
constexpr double kServiceDxTelecom = -1.8;
constexpr double kServiceDxWater = 1.0;
constexpr double kServiceDxSewer = 2.5;
constexpr double kServiceDxGas = 4.0;

struct SiteBlock {
  std::string id;  // local id, "B01"
  const BlockSite* site = nullptr;
  int year = 0;
  double wall_y = 0.0;            // the entrance (north) wall
  double x0 = 0.0, x1 = 0.0;      // west and east ends
  std::vector<double> entrances;  // stairwell doors, west to east
  int households_per_entrance = 0;
};

// The entrance the once-a-block services come in beside.
inline double middle_entrance(const SiteBlock& b) { return b.entrances[b.entrances.size() / 2]; }

// One estate as the network builders see it, in the estate's own frame.
struct NetSite {
  const EstateLayout* layout = nullptr;
  std::vector<SiteBlock> blocks;
  const FacilitySite& facility(const std::string& id) const;
};
NetSite net_site(const EstateLayout& layout, const std::vector<int>& block_years);

struct EstateNets {
  Net water{"W"};
  Net sewer{"S"};
  Net storm{"R"};
  Net gas{"G"};
  Net power{"P"};
  Net telecom{"T"};
};

void build_water(const NetSite& site, SplitMix64& rng, Net& water);
void build_drainage(const NetSite& site, SplitMix64& rng, Net& sewer, Net& storm);
void build_gas(const NetSite& site, SplitMix64& rng, Net& gas);
void build_power(const NetSite& site, SplitMix64& rng, Net& power);
void build_telecom(const NetSite& site, SplitMix64& rng, Net& telecom);
// Each manhole and inspection well reaches 0.1 m below the lowest invert that meets it;
// unset owners and years become the District's and `year`.
void set_manhole_depths(Net& net, int year);
// The as-found tangle of private, ad-hoc connections and abandoned lines, over all utilities.
void add_tangle(const NetSite& site, SplitMix64& rng, EstateNets& nets);

// All of one estate's networks; the seed varies ages and conditions, not the layout.
EstateNets build_estate_nets(const NetSite& site, std::uint64_t seed);

// Small shared helpers for the builders. Ages are counted to the survey year.
constexpr int kSurveyYear = 2023;
// A text condition for a pressure pipe or cable of this age (years).
std::string service_condition(SplitMix64& rng, int age);
// A CJJ 181 structural grade I..IV for a gravity pipe of this age.
std::string sewer_grade(SplitMix64& rng, int age);
// Manhole-style spacing: points from a to b (both included) at most max_gap apart, plus
// the given stations, sorted along a -> b and deduplicated.
std::vector<double> stations(double a, double b, std::vector<double> extra, double max_gap);

}  // namespace et::gen
