// Head loss coefficients of each link, linearised about the current flow: new flow =
// flow - Y + P * (h1 - h2), with P the inverse head-loss gradient and Y = P * head loss.
// Hazen-Williams and Chezy-Manning use a power law (linear below a tiny gradient),
// Darcy-Weisbach uses Swamee-Jain above Re 4000, Dunlop's cubic between 2000 and 4000
// and Hagen-Poiseuille below; minor losses add km q^2.
#include <cmath>

#include "constants.h"
#include "et/sim/hydraulics.h"

namespace et::sim {

namespace {

// Constants of the friction factor: Re = 4 q / (pi d nu) = (4/pi) w with w = q / (nu d).
const double kW4000 = 1000.0 * kPi;                        // w at Re 4000
const double kW2000 = 500.0 * kPi;                         // w at Re 2000
const double kSJ = 5.74 * std::pow(kPi / 4.0, 0.9);        // 5.74 / Re^0.9 = kSJ / w^0.9
const double kLog = -2.0 / std::log(10.0);                 // 1/sqrt(f) = kLog ln(...)
const double kSJ4000 = 5.74 / std::pow(4000.0, 0.9);       // 5.74 / 4000^0.9
const double kSlope4000 = 1.8 * kLog * kSJ4000;

// Darcy friction factor and its derivative with respect to q.
double friction_factor(double q, double e, double s, double& dfdq) {
  double w = q / s;
  if (w >= kW4000) {
    double y1 = kSJ / std::pow(w, 0.9);
    double y2 = e / 3.7 + y1;
    double y3 = kLog * std::log(y2);
    double f = 1.0 / (y3 * y3);
    dfdq = 1.8 * f * y1 * kLog / y2 / y3 / q;
    return f;
  }
  double y2 = e / 3.7 + kSJ4000;
  double y3 = kLog * std::log(y2);
  double fa = 1.0 / (y3 * y3);
  double fb = (2.0 + kSlope4000 / (y2 * y3)) * fa;
  double r = w / kW2000;
  double x1 = 7.0 * fa - fb;
  double x2 = 0.128 - 17.0 * fa + 2.5 * fb;
  double x3 = -0.128 + 13.0 * fa - (fb + fb);
  double x4 = 0.032 - 3.0 * fa + 0.5 * fb;
  dfdq = (x2 + r * (2.0 * x3 + r * 3.0 * x4)) / s / kW2000;
  return x1 + r * (x2 + r * (x3 + r * x4));
}

double sgn(double x) { return x < 0.0 ? -1.0 : 1.0; }

}  // namespace

void Hydraulics::head_loss_coeffs() {
  for (int k = 0; k < int(net_.links.size()); ++k) {
    const Link& l = net_.links[size_t(k)];
    switch (l.type) {
      case LinkType::CV:
      case LinkType::Pipe: pipe_coeff(k); break;
      case LinkType::Pump: pump_coeff(k); break;
      case LinkType::PBV: pbv_coeff(k); break;
      case LinkType::TCV: {
        double km = l.km;
        if (setting_[size_t(k)] != kMissing) {
          double d2 = l.diam * l.diam;
          km = 0.02517 * setting_[size_t(k)] / (d2 * d2);
        }
        valve_coeff(k, km);
        break;
      }
      case LinkType::GPV: gpv_coeff(k); break;
      case LinkType::FCV:
      case LinkType::PRV:
      case LinkType::PSV:
        if (setting_[size_t(k)] == kMissing) valve_coeff(k, l.km);
        else p_[size_t(k)] = 0.0;
        break;
    }
  }
}

void Hydraulics::pipe_coeff(int k) {
  size_t i = size_t(k);
  if (status_[i] <= LinkStatus::Closed) {
    p_[i] = 1.0 / kCBig;
    y_[i] = flow_[i];
    return;
  }
  if (net_.options.headloss == HeadLossFormula::DarcyWeisbach) {
    dw_pipe_coeff(k);
    return;
  }
  const Link& l = net_.links[i];
  double q = std::fabs(flow_[i]);
  double hexp = net_.options.headloss == HeadLossFormula::HazenWilliams ? 1.852 : 2.0;
  double hgrad = hexp * l.r * std::pow(q, hexp - 1.0);
  double hloss;
  if (hgrad < net_.options.rqtol) {
    hgrad = net_.options.rqtol / hexp;
    hloss = hgrad * q;
  } else {
    hloss = hgrad * q / hexp;
  }
  if (l.km > 0.0) {
    hloss += l.km * q * q;
    hgrad += 2.0 * l.km * q;
  }
  hloss *= sgn(flow_[i]);
  p_[i] = 1.0 / hgrad;
  y_[i] = hloss / hgrad;
}

void Hydraulics::dw_pipe_coeff(int k) {
  size_t i = size_t(k);
  const Link& l = net_.links[i];
  double q = std::fabs(flow_[i]);
  double s = net_.options.viscosity * l.diam;
  double hloss, hgrad;
  if (q <= kW2000 * s) {  // laminar
    double r = 16.0 * kPi * s * l.r;
    hloss = q * (r + l.km * q);
    hgrad = r + 2.0 * l.km * q;
  } else {
    double dfdq;
    double f = friction_factor(q, l.kc / l.diam, s, dfdq);
    double r1 = f * l.r + l.km;
    hloss = r1 * q * q;
    hgrad = 2.0 * r1 * q + dfdq * l.r * q * q;
  }
  hloss *= sgn(flow_[i]);
  p_[i] = 1.0 / hgrad;
  y_[i] = hloss / hgrad;
}

void Hydraulics::curve_coeff(int curve, double q, double& h0, double& r) const {
  const Curve& c = net_.curves[size_t(curve)];
  q *= net_.ucf.flow;
  size_t n = c.x.size();
  size_t k2 = 0;
  while (k2 < n && c.x[k2] < q) ++k2;
  if (k2 == 0) ++k2;
  else if (k2 == n) --k2;
  size_t k1 = k2 - 1;
  r = (c.y[k2] - c.y[k1]) / (c.x[k2] - c.x[k1]);
  h0 = c.y[k1] - r * c.x[k1];
  h0 /= net_.ucf.head;
  r *= net_.ucf.flow / net_.ucf.head;
}

void Hydraulics::pump_coeff(int k) {
  size_t i = size_t(k);
  double setting = setting_[i];
  if (status_[i] <= LinkStatus::Closed || setting == 0.0) {
    p_[i] = 1.0 / kCBig;
    y_[i] = flow_[i];
    return;
  }
  const Link& l = net_.links[i];
  size_t pi = size_t(l.pump);
  const Pump& pump = net_.pumps[pi];
  double q = std::fabs(flow_[i]);
  double rq = net_.options.rqtol;
  double hgrad, hloss;
  if (pump.kind == PumpKind::Custom) {
    double h0, r;
    curve_coeff(pump.head_curve, q / setting, h0, r);
    pump_h0_[pi] = -h0;
    pump_r_[pi] = -r;
    pump_n_[pi] = 1.0;
    hgrad = pump_r_[pi] * setting;
    hloss = pump_h0_[pi] * setting * setting + hgrad * flow_[i];
  } else {
    double h0 = setting * setting * pump.h0;
    double n = pump.n;
    if (std::fabs(n - 1.0) < kTiny) n = 1.0;
    double r = pump.r * std::pow(setting, 2.0 - n);
    if (pump.kind == PumpKind::ConstPower) {
      hgrad = -r / q / q;
      hloss = r / flow_[i];
    } else if (n != 1.0) {
      hgrad = n * r * std::pow(q, n - 1.0);
      if (hgrad < rq) {
        hgrad = rq;
        hloss = h0 + hgrad * flow_[i];
      } else {
        hloss = h0 + hgrad * flow_[i] / n;
      }
    } else {
      hgrad = r;
      hloss = h0 + hgrad * flow_[i];
    }
  }
  p_[i] = 1.0 / hgrad;
  y_[i] = hloss / hgrad;
}

void Hydraulics::valve_coeff(int k, double km) {
  size_t i = size_t(k);
  if (status_[i] <= LinkStatus::Closed) {
    p_[i] = 1.0 / kCBig;
    y_[i] = flow_[i];
    return;
  }
  if (km > 0.0) {
    double hgrad = 2.0 * km * std::fabs(flow_[i]);
    double hloss;
    if (hgrad < net_.options.rqtol) {
      hgrad = net_.options.rqtol / 2.0;
      hloss = flow_[i] * hgrad;
    } else {
      hloss = flow_[i] * hgrad / 2.0;
    }
    p_[i] = 1.0 / hgrad;
    y_[i] = hloss / hgrad;
  } else {
    p_[i] = 1.0 / kCSmall;  // an open valve: a tiny linear resistance
    y_[i] = flow_[i];
  }
}

void Hydraulics::gpv_coeff(int k) {
  size_t i = size_t(k);
  if (status_[i] == LinkStatus::Closed) {
    valve_coeff(k, net_.links[i].km);
    return;
  }
  double q = std::max(std::fabs(flow_[i]), kTiny);
  double h0, r;
  curve_coeff(int(std::lround(setting_[i])), q, h0, r);
  r = std::max(r, kTiny);
  p_[i] = 1.0 / r;
  y_[i] = (h0 / r + q) * sgn(flow_[i]);
}

void Hydraulics::pbv_coeff(int k) {
  size_t i = size_t(k);
  const Link& l = net_.links[i];
  double s = setting_[i];
  if (s == 0.0 || s == kMissing || l.km * flow_[i] * flow_[i] > s) {
    valve_coeff(k, l.km);
  } else {
    p_[i] = kCBig;
    y_[i] = s * kCBig;
  }
}

}  // namespace et::sim
