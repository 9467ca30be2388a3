// Helpers for the live tests: small sensor and rule sets from JSON text, and a real
// mosquitto broker on 127.0.0.1 (a free port, its own folder) started and stopped by a test.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "et/live/alarm_rules.h"
#include "et/live/sensors.h"

extern char** environ;

namespace et::live::test {

inline SensorSet sensors_from(const std::string& json) {
  auto s = parse_sensors(json, "sensors.json");
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? *s : SensorSet{};
}

inline AlarmRuleSet rules_from(const std::string& rules_array, const SensorSet& sensors) {
  auto r = parse_alarm_rules("{\"format\": \"estatetwin-alarms/1\", \"rules\": " + rules_array + "}",
                             "alarms.json", sensors);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : AlarmRuleSet{};
}

// Sensors "S-1".."S-n" of one type on water node "W-1" (binding is not checked here).
inline SensorSet numbered_sensors(int n, const char* type = "water_pressure") {
  std::string j = "{\"format\": \"estatetwin-sensors/1\", \"sensors\": [";
  for (int i = 1; i <= n; ++i) {
    if (i > 1) j += ",";
    j += "{\"id\": \"S-" + std::to_string(i) + "\", \"type\": \"" + type +
         "\", \"utility\": \"water\", \"element\": \"W-1\"}";
  }
  return sensors_from(j + "]}");
}

// Polls `done` until it holds or `seconds` pass.
inline bool wait_for(const std::function<bool()>& done, double seconds) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

// A port the kernel says is free on 127.0.0.1 right now.
inline int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    return 0;
  }
  ::close(fd);
  return ntohs(a.sin_port);
}

inline bool port_open(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(std::uint16_t(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// mosquitto with persistence on, so a restart keeps the twin's session and its queue.
class Broker {
 public:
  explicit Broker(int port) : port_(port) {
    dir_ = std::filesystem::temp_directory_path() / ("et-mqtt-" + std::to_string(::getpid()) + "-" + std::to_string(port));
    std::filesystem::create_directories(dir_);
    std::ofstream conf(dir_ / "mosquitto.conf");
    conf << "listener " << port << " 127.0.0.1\nallow_anonymous true\npersistence true\n"
         << "persistence_location " << dir_.string() << "/\nmax_queued_messages 100000\n"
         << "log_dest file " << (dir_ / "log.txt").string() << "\n";
    if (::geteuid() == 0) conf << "user root\n";  // as root, mosquitto would drop to a user
  }
  ~Broker() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  static bool installed() { return ::access("/usr/sbin/mosquitto", X_OK) == 0; }
  bool start() {
    const std::string conf = (dir_ / "mosquitto.conf").string();
    char* argv[] = {const_cast<char*>("mosquitto"), const_cast<char*>("-c"), const_cast<char*>(conf.c_str()), nullptr};
    posix_spawn_file_actions_t quiet;  // its chatter (e.g. the warning about root) is noise here
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
    const int rc = posix_spawn(&pid_, "/usr/sbin/mosquitto", &quiet, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&quiet);
    if (rc != 0) return false;
    return wait_for([&] { return port_open(port_); }, 5.0);
  }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);  // mosquitto saves its database on SIGTERM
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  int port_;
  pid_t pid_ = -1;
  std::filesystem::path dir_;
};

}  // namespace et::live::test
