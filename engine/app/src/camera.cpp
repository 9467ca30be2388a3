#include "et/app/camera.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace et::app {
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kRadPerPixel = 0.005;
constexpr double kMaxPitch = kPi / 2 - 0.01;  // never straight up/down: lookAt needs an up
}  // namespace

glm::mat4 view_matrix(const Camera& c) {
  return glm::mat4(glm::lookAt(c.eye, c.target, glm::dvec3(0, 0, 1)));
}

glm::mat4 projection_matrix(const Camera& c, double aspect, double far_m) {
  glm::mat4 p = glm::perspective(glm::radians(float(c.fov_deg)), float(aspect), 0.25f,
                                 float(far_m));
  p[1][1] *= -1.0f;  // Vulkan clip space has y pointing down
  return p;
}

OrbitCamera OrbitCamera::from(const Camera& c) {
  OrbitCamera o;
  o.target = c.target;
  glm::dvec3 d = c.eye - c.target;
  o.distance = std::max(glm::length(d), 0.5);
  o.yaw = std::atan2(d.y, d.x);
  o.pitch = std::asin(std::clamp(d.z / o.distance, -1.0, 1.0));
  return o;
}

void OrbitCamera::rotate(double dx, double dy) {
  yaw -= dx * kRadPerPixel;
  pitch = std::clamp(pitch + dy * kRadPerPixel, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(double dx, double dy, double viewport_h, double fov_deg) {
  // Metres per pixel at the target's distance, so the point under the cursor follows it.
  double m_per_px = 2.0 * distance * std::tan(glm::radians(fov_deg) / 2) / std::max(viewport_h, 1.0);
  glm::dvec3 right(-std::sin(yaw), std::cos(yaw), 0.0);
  glm::dvec3 fwd(-std::cos(yaw), -std::sin(yaw), 0.0);
  target += (-dx * right + dy * fwd) * m_per_px;
}

void OrbitCamera::zoom(double steps) { distance = std::clamp(distance * std::pow(0.88, steps), 1.0, 20000.0); }

void OrbitCamera::apply(Camera& c) const {
  c.target = target;
  c.eye = target + distance * glm::dvec3(std::cos(pitch) * std::cos(yaw),
                                         std::cos(pitch) * std::sin(yaw), std::sin(pitch));
}

void fly_move(Camera& c, const FlyInput& in, double speed, double dt) {
  glm::dvec3 fwd = glm::normalize(c.target - c.eye);
  glm::dvec3 right = glm::normalize(glm::cross(fwd, glm::dvec3(0, 0, 1)));
  glm::dvec3 move(0.0);
  if (in.forward) move += fwd;
  if (in.back) move -= fwd;
  if (in.right) move += right;
  if (in.left) move -= right;
  if (in.up) move.z += 1.0;
  if (in.down) move.z -= 1.0;
  if (glm::length(move) < 1e-9) return;
  glm::dvec3 step = glm::normalize(move) * speed * (in.fast ? 4.0 : 1.0) * dt;
  c.eye += step;
  c.target += step;
}

void fly_look(Camera& c, double dx, double dy) {
  glm::dvec3 d = c.target - c.eye;
  double dist = std::max(glm::length(d), 1.0);
  double yaw = std::atan2(d.y, d.x) - dx * kRadPerPixel;
  double pitch = std::clamp(std::asin(std::clamp(d.z / dist, -1.0, 1.0)) - dy * kRadPerPixel,
                            -kMaxPitch, kMaxPitch);
  c.target = c.eye + dist * glm::dvec3(std::cos(pitch) * std::cos(yaw),
                                       std::cos(pitch) * std::sin(yaw), std::sin(pitch));
}

}  // namespace et::app
