// Profiles for the live story. Piecewise-linear curves over the hour of the day, shaped
// after a residential estate's day (night minimum, morning and evening peaks).
#include "live_story_signals.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace et::gen::story {
namespace {

struct Pt {
  double h, v;
};

template <size_t N>
double curve(const Pt (&pts)[N], double h) {
  if (h <= pts[0].h) return pts[0].v;
  for (size_t i = 1; i < N; ++i)
    if (h <= pts[i].h) {
      const double a = (h - pts[i - 1].h) / (pts[i].h - pts[i - 1].h);
      return pts[i - 1].v + a * (pts[i].v - pts[i - 1].v);
    }
  return pts[N - 1].v;
}

// Water demand relative to the day's mean. The morning peak is steep on purpose: everyone
// in a walk-up estate gets up within the same half hour.
constexpr Pt kDemand[] = {{0, 0.45}, {1, 0.3},   {2, 0.25},  {4, 0.25}, {5, 0.4},   {6, 0.9},
                          {7, 1.3},  {7.1, 1.9}, {8.5, 1.9}, {8.6, 1.3}, {9.5, 1.0}, {11, 1.1},
                          {12, 1.3}, {13, 1.0},  {16, 0.9},  {18, 1.2}, {19, 1.4},  {21, 1.4},
                          {22, 1.0}, {23, 0.7},  {24, 0.45}};
// Transformer load, % of 630 kVA: cooking, heaters and e-bike chargers after 19:00.
constexpr Pt kLoad[] = {{0, 38},  {5, 30},     {7, 52},   {9, 48},   {12, 55},  {14, 46},
                        {17, 60}, {18.5, 76},  {19, 88},  {19.05, 106}, {20, 112}, {21, 108},
                        {21.05, 88}, {22, 74}, {24, 45}};
// Gas demand relative to the mean: meals.
constexpr Pt kGas[] = {{0, 0.2}, {6, 0.6}, {7, 1.6}, {8, 1.0},  {11, 1.6}, {12, 2.0},
                       {13, 0.9}, {17, 1.6}, {18, 2.2}, {19, 1.4}, {22, 0.5}, {24, 0.2}};
// Storm inflow relative to its peak: an hour of heavy rain from 16:00.
constexpr Pt kRain[] = {{0, 0},     {16, 0},    {16.25, 0.7}, {16.4, 1.0}, {16.8, 0.92},
                        {17, 0.6},  {17.5, 0.15}, {18.5, 0},  {24, 0}};

double demand(double h) { return curve(kDemand, h); }
// Fraction of the leak running at hour h: it opens at 01:50 over three minutes.
double leak(double h) { return std::clamp((h - 1.0 - 50.0 / 60.0) * 20.0, 0.0, 1.0); }
// Friction loss grows with flow to the power 1.85 (Hazen-Williams).
double loss(double k, double d) { return k * std::pow(d, 1.85); }

}  // namespace

double signal_value(Signal s, int minute, double depth, double noise) {
  const double h = minute / 60.0;
  const double d = demand(h);
  switch (s) {
    case Signal::kInflow: return 10.3 * d + kLeakFlow * leak(h) + 0.15 * noise;
    case Signal::kOutletPressure: return 0.38 - 0.01 * (d - 1.0) + 0.002 * noise;
    case Signal::kTopFloorPressure:
      // Outlet 0.38 MPa, minus 15.5 m of static head to the top floor, minus friction.
      return 0.38 - 0.155 - loss(0.045, d) + 0.002 * noise;
    case Signal::kLeakPressure: return 0.38 - loss(0.03, d) - 0.10 * leak(h) + 0.002 * noise;
    case Signal::kRefPressure: return 0.38 - loss(0.02, d) + 0.002 * noise;
    case Signal::kTankLevel: return 2.6 - 0.5 * (d - 1.0) + 0.01 * noise;
    case Signal::kTurbidity: return 0.3 + 0.1 * std::max(0.0, d - 1.0) + 0.03 * noise;
    case Signal::kChlorine: return 0.35 - 0.03 * d + 0.01 * noise;
    case Signal::kTransformerLoad: return curve(kLoad, h) + 0.8 * noise;
    case Signal::kCableTemperature:
      // Soil at 18 degC; the conductor follows the load about half an hour behind.
      return 18.0 + 0.3 * curve(kLoad, std::max(0.0, h - 0.5)) + 0.2 * noise;
    case Signal::kGasPressure: return 2.3 - 0.15 * (curve(kGas, h) - 1.0) + 0.01 * noise;
    case Signal::kGasLeak: return 0.15 + 0.1 * noise;
    case Signal::kManholeSurcharge:
      return 0.05 + (depth - 0.15) * curve(kRain, h) + 0.01 * (noise + 1.0);
    case Signal::kManholeLevel:
      return 0.05 + 0.35 * depth * curve(kRain, h) + 0.01 * (noise + 1.0);
  }
  return 0.0;
}

bool signal_gap(Signal s, int minute) {
  return s == Signal::kGasLeak && minute >= 13 * 60 && minute < 13 * 60 + 25;
}

}  // namespace et::gen::story
