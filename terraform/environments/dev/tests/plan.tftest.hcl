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
    condition     = module.platform.msk.number_of_broker_nodes == 2 && length(module.platform.network.private_subnet_ids) == 2
    error_message = "Dev: 2 brokers over 2 AZs."
  }

  assert {
    condition     = length(module.platform.network.nat_gateway_ids) == 1
    error_message = "Dev: a single NAT gateway."
  }

  assert {
    condition     = module.platform.msk.kms_key_arn == null && module.platform.firehose_s3.kms_key_arn == null
    error_message = "Dev: AWS-managed keys (no customer-managed key cost)."
  }

  assert {
    condition     = module.platform.tags == { Project = "msk-streaming", Environment = "dev", ManagedBy = "terraform" }
    error_message = "Dev: every resource is tagged with project, environment and ManagedBy."
  }

  assert {
    condition     = module.platform.msk.kraft && module.platform.kafka_client.kafka_cli_version == "4.1.0"
    error_message = "The client CLI must match the cluster version."
  }

  assert {
    condition     = keys(module.platform.topics_module.topic_names) == ["msk-events"]
    error_message = "The mapped topic is ensured by the topics module."
  }

  assert {
    condition     = module.platform.logger.runtime == "java21" && module.platform.forwarder.runtime == "java21"
    error_message = "JVM functions by default."
  }

  assert {
    condition     = module.platform.dashboard.dashboard_name == "msk-streaming-dev"
    error_message = "The dashboard is named per deployment."
  }

  assert {
    condition = (
      module.platform.forwarder.environment_variables.FAILURE_STRATEGY == "dead-letter" &&
      module.platform.forwarder.failure_handling.provisioned_pollers == null &&
      length(module.platform.forwarder.failure_handling.function_response_types) == 0 &&
      module.platform.forwarder.failure_handling.maximum_retry_attempts == null
    )
    error_message = "Dev: on-demand mappings (no retry controls, which AWS refuses there) and the dead-letter strategy."
  }

  assert {
    condition     = module.platform.dashboard.sns_kms_key_arn == null && module.platform.deletion_protection_guard == null
    error_message = "Dev: no key for the alarm topic (never alias/aws/sns) and no deletion protection."
  }
}

run "native_functions" {
  command = plan

  variables {
    lambda_runtime_mode = "native"
    lambda_architecture = "x86_64"
  }

  assert {
    condition     = module.platform.logger.runtime == "provided.al2023" && module.platform.forwarder.runtime == "provided.al2023"
    error_message = "Native functions run on provided.al2023."
  }
}

run "pattern_4_is_off_by_default" {
  command = plan

  assert {
    condition     = module.platform.backup_query == null && !contains(keys(module.platform.forwarder.environment_variables), "OUTPUT_FORMAT")
    error_message = "Dev: no Athena resources unless backup_query_enabled, and the forwarder's default output format."
  }

  assert {
    condition     = module.platform.studio_notebook.start_command == null && module.platform.flink_application.start_command == null
    error_message = "Dev creates neither the notebook nor the Flink application unless asked."
  }
}

run "pattern_4_is_wired_to_the_cluster_when_enabled" {
  command = plan

  variables {
    studio_notebook_enabled    = true
    flink_application_enabled  = true
    flink_application_jar_path = "../../modules/flink-application/tests/fixtures/application.jar"
  }

  assert {
    condition     = module.platform.studio_notebook.flink_version == "1.15.4" && module.platform.studio_notebook.start_command != null
    error_message = "The notebook must be planned on the Flink 1.15 Studio runtime."
  }

  assert {
    condition     = module.platform.flink_application.property_group.properties.topic == "msk-events" && module.platform.flink_application.property_group.properties.access_control == "iam"
    error_message = "The Flink application must read the forwarder's topic with IAM."
  }

  assert {
    condition     = module.platform.flink_application.property_group.properties.output_prefix == "flink/stock-ticks" && module.platform.studio_notebook.start_command == "aws kinesisanalyticsv2 start-application --application-name msk-streaming-dev-studio"
    error_message = "The application writes under flink/stock-ticks; the notebook can be started."
  }
}

run "dev_in_an_existing_vpc" {
  command = plan

  variables {
    existing_vpc = {
      vpc_id             = "vpc-0aaaaaaaaaaaaaaaa"
      private_subnet_ids = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]
      nat_gateway        = true
    }
  }

  assert {
    condition     = module.platform.network.vpc_id == "vpc-0aaaaaaaaaaaaaaaa" && length(module.platform.network.nat_gateway_ids) == 0 && length(module.platform.network.vpc_endpoint_ids) == 0
    error_message = "Dev in an existing VPC: nothing of the VPC is created."
  }
}
