// The day's signals behind live_story.cpp: one smooth profile per kind of sensor, in the
// sensor type's unit, as a function of the minute of the day. Internal to et_gen.
#pragma once

namespace et::gen::story {

enum class Signal {
  kInflow,            // estate inflow meter, m3/h: demand + a leak from 01:50
  kOutletPressure,    // pump house outlet, MPa: booster set at constant pressure
  kTopFloorPressure,  // top floor of the farthest block, MPa: dips below 0.10 at 07:00-08:30
  kLeakPressure,      // just past the leaking branch, MPa: falls by 0.10 at 01:50
  kRefPressure,       // a block near the pump house, MPa
  kTankLevel, kTurbidity, kChlorine,
  kTransformerLoad,   // %: over 100 from 19:00 to 21:00
  kCableTemperature,  // degC: follows the load with a lag
  kGasPressure, kGasLeak,
  kManholeSurcharge,  // m of water: rain 16:00-17:00 fills it to near the cover
  kManholeLevel,      // m: the same rain, a storm manhole that copes
};

// `depth` is the manhole depth for the manhole signals (ignored otherwise); `noise` in [-1, 1].
double signal_value(Signal s, int minute, double depth, double noise);
// Minutes with no reading (the gas leak detector's battery swap, 13:00-13:25).
bool signal_gap(Signal s, int minute);

// The story's onsets, for rules and tests: leak from 01:50, peak 07:00-08:30, overload
// 19:00-21:00, rain 16:00-17:00.
constexpr double kNormalNightFlow = 2.6;  // m3/h, minimum 02:00-04:00 without the leak
constexpr double kLeakFlow = 4.5;         // m3/h

}  // namespace et::gen::story
