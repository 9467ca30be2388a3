// Internal: the .inp parser, split over inp_read.cpp (lines, sections, nodes and links),
// inp_sections.cpp (options, times, patterns, curves, demands, status, emitters),
// inp_controls.cpp (simple and rule-based controls) and inp_finish.cpp (checks, curve
// fits and the conversion to internal units).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "et/core/error.h"
#include "et/sim/network.h"

namespace et::sim::inp {

enum Section {
  kTitle, kJunctions, kReservoirs, kTanks, kPipes, kPumps, kValves, kTags, kDemands, kStatus,
  kPatterns, kCurves, kControls, kRules, kEnergy, kEmitters, kQuality, kSources, kReactions,
  kMixing, kTimes, kReport, kOptions, kCoordinates, kVertices, kLabels, kBackdrop, kLeakage,
  kEnd, kSectionCount
};

struct Row {
  int line = 0;
  Section section = kTitle;
  std::vector<std::string> tok;
  std::string comment;  // text after ';' (a [DEMANDS] category)
};

struct ParseFailure {
  Error error;
};

// Values as the file gives them, converted in finish().
struct RawTank {
  double init = 0, minl = 0, maxl = 0, diam = 0, minvol = 0;
  int row = 0;
};
struct RawPump {
  double power = 0;
  bool has_power = false;
  int row = 0;
};

class Parser {
 public:
  explicit Parser(std::string path) : path_(std::move(path)) {}
  SimNetwork parse(const std::string& text);  // throws ParseFailure

  // Helpers shared by the section readers.
  [[noreturn]] void fail(const Row& r, const std::string& what) const;
  double number(const Row& r, size_t i, const char* what) const;
  int node_of(const Row& r, size_t i) const;
  int link_of(const Row& r, size_t i) const;
  int pattern_of(const Row& r, size_t i) const;  // "" or "*" -> -1
  int curve_of(const Row& r, size_t i) const;

 private:
  void lex(const std::string& text);
  void register_ids();
  void read_junction(const Row& r);
  void read_reservoir(const Row& r);
  void read_tank(const Row& r);
  void read_pipe(const Row& r);
  void read_pump(const Row& r);
  void read_valve(const Row& r);
  // inp_sections.cpp
  void read_option(const Row& r);
  void read_time(const Row& r);
  void read_pattern(const Row& r);
  void read_curve(const Row& r);
  void read_demand(const Row& r);
  void read_status(const Row& r);
  void read_emitter(const Row& r);
  // inp_controls.cpp
  void read_control(const Row& r);
  void read_rules(const std::vector<const Row*>& rows);
  // inp_finish.cpp
  void finish();
  void finish_times();
  void finish_units();
  void finish_tanks();
  void finish_links();
  void finish_pumps();
  void finish_controls();

  std::string path_;
  std::vector<Row> rows_;
  SimNetwork net_;
  std::unordered_map<std::string, int> pattern_index_, curve_index_;
  std::vector<RawTank> raw_tanks_;
  std::vector<RawPump> raw_pumps_;
  std::vector<bool> demands_replaced_;  // per junction: [DEMANDS] replaced [JUNCTIONS]
  std::vector<int> control_rows_;       // row of each control, for messages
  double raw_viscosity_ = 0.0;           // 0: default
  bool pressure_given_ = false;
  std::string emitter_exponent_row_;
};

std::string upper(std::string s);
// EPANET keyword match: `tok` starts with `word` (both upper case).
bool kw(const std::string& tok, const char* word);
// EPANET's time parser: hours from "H", "H:MM[:SS]" with optional units or AM/PM; < 0 if bad.
double parse_hours(const std::string& value, const std::string& units);
bool to_double(const std::string& s, double& out);

}  // namespace et::sim::inp
