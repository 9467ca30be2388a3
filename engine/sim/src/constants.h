// Internal: constants of EPANET's hydraulic algorithm.
#pragma once

namespace et::sim {

constexpr double kCBig = 1.0e8;     // "infinite" conductance / resistance
constexpr double kCSmall = 1.0e-6;
constexpr double kQZero = 1.0e-6;   // flow in a closed link, cfs
constexpr double kTiny = 1.0e-6;
constexpr double kBig = 1.0e10;
constexpr double kPi = 3.14159265358979323846;

}  // namespace et::sim
