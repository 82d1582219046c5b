# The functions' packages and runtime are per-deployment variables of both roots (variables.tf); their memory is
# sizing, set in each root's main.tf.
locals {
  function_inputs = {
    logger_package_path    = var.logger_package_path
    forwarder_package_path = var.forwarder_package_path
    runtime_mode           = var.lambda_runtime_mode
    architecture           = var.lambda_architecture
    snap_start             = var.lambda_snap_start
  }
}
