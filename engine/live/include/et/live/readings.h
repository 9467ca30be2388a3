// One reading as it arrives (a replay line or an MQTT message) and the reasons one is
// turned away. Nothing a feed sends can crash the twin: every bad reading is counted under
// its reason and skipped.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace et::live {

enum class Reject {
  kMalformed,      // not JSON, not an object, a field missing, payload too large
  kUnknownSensor,  // no such sensor in the scene's sensors file
  kBadTime,        // "t" is not seconds >= 0 (within a year) nor "HH:MM[:SS]"
  kNotANumber,     // "value" is a string, null, NaN or infinite
  kOutOfRange,     // outside the sensor type's physical range
  kOutOfOrder,     // older than that sensor's latest accepted reading
  kDuplicate,      // same time and value as the latest (QoS 1 redelivers after reconnects)
  kStale,          // older than the feed's clock by more than the allowed lag
  kQueueFull,      // dropped, oldest first, when the MQTT queue was full
  kCount
};
const char* reject_name(Reject r);

struct Counters {
  std::uint64_t accepted = 0;
  std::array<std::uint64_t, std::size_t(Reject::kCount)> rejected{};
  std::uint64_t rejected_total() const;
};

struct RawReading {
  std::string sensor;
  double t = 0.0;
  double value = 0.0;
};

// Readings are valid for a year of scenario time; anything later is a unit mistake.
constexpr double kMaxTime = 366.0 * 86400.0;

// A replay line: {"t": SECONDS or "HH:MM:SS", "sensor": ID, "value": NUMBER}.
// Returns Reject::kCount when `out` was filled, else why the line was turned away.
Reject parse_reading_line(std::string_view line, RawReading& out);
// An MQTT payload {"t": ..., "value": ...} for `sensor` (the topic's last level). Without
// "t" the reading is stamped `now`.
Reject parse_reading_payload(std::string_view payload, const std::string& sensor, double now,
                             RawReading& out);

}  // namespace et::live
