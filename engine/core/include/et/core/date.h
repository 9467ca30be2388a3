// Calendar dates as whole days since 1970-01-01 (proleptic Gregorian, no time zone): the
// 4D schedule's unit. The scenario clock (ViewState::time_s) counts seconds from the
// scene's epoch day, so day = epoch + floor(time_s / 86400).
#pragma once

#include <optional>
#include <string>

namespace et {

// "YYYY-MM-DD" -> days since 1970-01-01; nullopt unless the text is exactly a valid date.
std::optional<int> parse_date(const std::string& text);
// Days since 1970-01-01 -> "YYYY-MM-DD".
std::string format_date(int day);

}  // namespace et
