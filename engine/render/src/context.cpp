#include "context.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "et/render/renderer.h"

namespace et::render {
namespace {

std::atomic<int> g_validation_messages{0};

VKAPI_ATTR VkBool32 VKAPI_CALL on_validation(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                             VkDebugUtilsMessageTypeFlagsEXT,
                                             const VkDebugUtilsMessengerCallbackDataEXT* data,
                                             void*) {
  if (severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) {
    ++g_validation_messages;
    std::fprintf(stderr, "vulkan validation: %s\n", data->pMessage);
  }
  return VK_FALSE;
}

bool has_layer(const char* name) {
  uint32_t n = 0;
  vkEnumerateInstanceLayerProperties(&n, nullptr);
  std::vector<VkLayerProperties> layers(n);
  vkEnumerateInstanceLayerProperties(&n, layers.data());
  for (auto& l : layers)
    if (std::strcmp(l.layerName, name) == 0) return true;
  return false;
}

}  // namespace

int validation_message_count() { return g_validation_messages.load(); }

bool validation_requested() {
  const char* v = std::getenv("ESTATETWIN_VALIDATION");
  if (v && *v) return std::strcmp(v, "0") != 0;
#ifndef NDEBUG
  return true;  // debug builds validate unless ESTATETWIN_VALIDATION=0
#else
  return false;
#endif
}

void vk_check(VkResult r, const char* what) {
  if (r == VK_SUCCESS) return;
  std::fprintf(stderr, "estatetwin: Vulkan error %d in %s\n", static_cast<int>(r), what);
  std::exit(70);
}

Result<std::unique_ptr<Context>> Context::create(bool validation,
                                                 const std::vector<const char*>& instance_ext,
                                                 bool need_swapchain) {
  std::unique_ptr<Context> c(new Context());
  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = "EstateTwin";
  app.apiVersion = VK_API_VERSION_1_1;

  std::vector<const char*> exts = instance_ext;
  std::vector<const char*> layers;
  if (validation) {
    if (!has_layer("VK_LAYER_KHRONOS_validation"))
      return Error{"Vulkan validation was requested but VK_LAYER_KHRONOS_validation is not "
                   "installed (Debian package vulkan-validationlayers)"};
    layers.push_back("VK_LAYER_KHRONOS_validation");
    exts.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
  }
  VkDebugUtilsMessengerCreateInfoEXT dbg{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  dbg.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT |
                        VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  dbg.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                    VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                    VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
  dbg.pfnUserCallback = on_validation;

  VkInstanceCreateInfo ici{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  ici.pApplicationInfo = &app;
  ici.enabledExtensionCount = static_cast<uint32_t>(exts.size());
  ici.ppEnabledExtensionNames = exts.data();
  ici.enabledLayerCount = static_cast<uint32_t>(layers.size());
  ici.ppEnabledLayerNames = layers.data();
  if (validation) ici.pNext = &dbg;  // also catches messages from instance creation itself
  VkResult r = vkCreateInstance(&ici, nullptr, &c->instance);
  if (r != VK_SUCCESS)
    return Error{"cannot create a Vulkan instance (error " + std::to_string(r) +
                 "): is a Vulkan driver installed? (Debian: mesa-vulkan-drivers)"};
  if (validation) {
    auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(c->instance, "vkCreateDebugUtilsMessengerEXT"));
    if (create) create(c->instance, &dbg, nullptr, &c->messenger_);
  }

  uint32_t n = 0;
  vkEnumeratePhysicalDevices(c->instance, &n, nullptr);
  if (n == 0) return Error{"no Vulkan device found (Debian: mesa-vulkan-drivers gives lavapipe)"};
  std::vector<VkPhysicalDevice> devices(n);
  vkEnumeratePhysicalDevices(c->instance, &n, devices.data());
  // Prefer a real GPU; lavapipe (a CPU device) is the fallback that tests and CI use.
  int best = -1, best_score = -1;
  for (uint32_t i = 0; i < n; ++i) {
    VkPhysicalDeviceProperties p;
    vkGetPhysicalDeviceProperties(devices[i], &p);
    int score = p.deviceType == VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU     ? 3
                : p.deviceType == VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU ? 2
                                                                         : 1;
    if (const char* want = std::getenv("ESTATETWIN_DEVICE"))
      if (std::strstr(p.deviceName, want)) score = 10;
    if (score > best_score) best = static_cast<int>(i), best_score = score;
  }
  c->physical = devices[best];
  vkGetPhysicalDeviceProperties(c->physical, &c->properties);
  vkGetPhysicalDeviceMemoryProperties(c->physical, &c->memory);

  uint32_t qn = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(c->physical, &qn, nullptr);
  std::vector<VkQueueFamilyProperties> qf(qn);
  vkGetPhysicalDeviceQueueFamilyProperties(c->physical, &qn, qf.data());
  bool found = false;
  for (uint32_t i = 0; i < qn && !found; ++i)
    if (qf[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) c->queue_family = i, found = true;
  if (!found) return Error{"the Vulkan device has no graphics queue"};

  float prio = 1.0f;
  VkDeviceQueueCreateInfo qci{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  qci.queueFamilyIndex = c->queue_family;
  qci.queueCount = 1;
  qci.pQueuePriorities = &prio;
  std::vector<const char*> dev_ext;
  if (need_swapchain) dev_ext.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
  VkDeviceCreateInfo dci{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  dci.queueCreateInfoCount = 1;
  dci.pQueueCreateInfos = &qci;
  dci.enabledExtensionCount = static_cast<uint32_t>(dev_ext.size());
  dci.ppEnabledExtensionNames = dev_ext.data();
  r = vkCreateDevice(c->physical, &dci, nullptr, &c->device);
  if (r != VK_SUCCESS) return Error{"cannot create the Vulkan device (error " + std::to_string(r) + ")"};
  vkGetDeviceQueue(c->device, c->queue_family, 0, &c->queue);

  VkCommandPoolCreateInfo pci{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pci.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pci.queueFamilyIndex = c->queue_family;
  vk_check(vkCreateCommandPool(c->device, &pci, nullptr, &c->command_pool), "command pool");
  return c;
}

Context::~Context() {
  if (device) {
    vkDeviceWaitIdle(device);
    vkDestroyCommandPool(device, command_pool, nullptr);
    vkDestroyDevice(device, nullptr);
  }
  if (messenger_) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance, "vkDestroyDebugUtilsMessengerEXT"));
    if (destroy) destroy(instance, messenger_, nullptr);
  }
  if (instance) vkDestroyInstance(instance, nullptr);
}

uint32_t Context::memory_type(uint32_t type_bits, VkMemoryPropertyFlags flags) const {
  for (uint32_t i = 0; i < memory.memoryTypeCount; ++i)
    if ((type_bits & (1u << i)) && (memory.memoryTypes[i].propertyFlags & flags) == flags) return i;
  // Fall back to any allowed type: on unified-memory devices every type works.
  for (uint32_t i = 0; i < memory.memoryTypeCount; ++i)
    if (type_bits & (1u << i)) return i;
  vk_check(VK_ERROR_OUT_OF_DEVICE_MEMORY, "no suitable memory type");
  return 0;
}

VkSampleCountFlagBits Context::max_samples(int wanted) const {
  VkSampleCountFlags ok = properties.limits.framebufferColorSampleCounts &
                          properties.limits.framebufferDepthSampleCounts;
  for (int s : {8, 4, 2}) {
    if (s <= wanted && (ok & static_cast<VkSampleCountFlags>(s)))
      return static_cast<VkSampleCountFlagBits>(s);
  }
  return VK_SAMPLE_COUNT_1_BIT;
}

VkCommandBuffer Context::begin_immediate() {
  VkCommandBufferAllocateInfo ai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  ai.commandPool = command_pool;
  ai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  ai.commandBufferCount = 1;
  VkCommandBuffer cmd;
  vk_check(vkAllocateCommandBuffers(device, &ai, &cmd), "allocate command buffer");
  VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  vkBeginCommandBuffer(cmd, &bi);
  return cmd;
}

void Context::end_immediate(VkCommandBuffer cmd) {
  vkEndCommandBuffer(cmd);
  VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
  si.commandBufferCount = 1;
  si.pCommandBuffers = &cmd;
  vk_check(vkQueueSubmit(queue, 1, &si, VK_NULL_HANDLE), "immediate submit");
  vk_check(vkQueueWaitIdle(queue), "immediate wait");
  vkFreeCommandBuffers(device, command_pool, 1, &cmd);
}

}  // namespace et::render
