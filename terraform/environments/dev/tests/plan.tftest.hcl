# Plans the whole dev environment against the mocked provider: wiring, sizing and cross-module invariants.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  logger_package_path    = "../../modules/msk-lambda/tests/fixtures/function.zip"
  forwarder_package_path = "../../modules/msk-lambda/tests/fixtures/function.zip"
}

run "dev_is_small_and_cheap" {
  command = plan

  assert {
    condition     = module.msk.number_of_broker_nodes == 2 && length(module.network.private_subnet_ids) == 2
    error_message = "Dev: 2 brokers over 2 AZs."
  }

  assert {
    condition     = length(module.network.nat_gateway_ids) == 1
    error_message = "Dev: a single NAT gateway."
  }

  assert {
    condition     = module.msk.kraft && module.kafka_client.kafka_cli_version == "4.1.0"
    error_message = "The client CLI must match the cluster version."
  }

  assert {
    condition     = keys(module.topics.topic_names) == ["msk-events"]
    error_message = "The mapped topic is ensured by the topics module."
  }

  assert {
    condition     = module.logger.runtime == "java21" && module.forwarder.runtime == "java21"
    error_message = "JVM functions by default."
  }

  assert {
    condition     = module.dashboard.dashboard_name == "msk-streaming-dev"
    error_message = "The dashboard is named per deployment."
  }
}

run "native_functions" {
  command = plan

  variables {
    lambda_runtime_mode = "native"
    lambda_architecture = "x86_64"
  }

  assert {
    condition     = module.logger.runtime == "provided.al2023" && module.forwarder.runtime == "provided.al2023"
    error_message = "Native functions run on provided.al2023."
  }
}
