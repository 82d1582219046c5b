# Plans the composition with minimal sizing against the mocked provider: wiring and defaults of every component.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  environment               = "test"
  network                   = { vpc_cidr = "10.60.0.0/16", az_count = 2, nat_gateway_mode = "single" }
  cluster                   = { broker_count = 2, broker_instance_type = "kafka.t3.small", broker_volume_size = 20 }
  use_customer_managed_keys = false
  topics                    = [{ name = "msk-events", partitions = 3, replication_factor = 2 }]
  log_retention_in_days     = 14
  functions = {
    logger_package_path    = "../msk-lambda/tests/fixtures/function.zip"
    forwarder_package_path = "../msk-lambda/tests/fixtures/function.zip"
  }
}

run "composes_every_component" {
  command = plan

  assert {
    condition     = output.name == "msk-streaming-test" && output.tags.Environment == "test" && output.tags.ManagedBy == "terraform"
    error_message = "Names and tags derive from project and environment."
  }

  assert {
    condition     = output.msk.number_of_broker_nodes == 2 && length(output.network.private_subnet_ids) == 2 && length(output.network.nat_gateway_ids) == 1
    error_message = "The cluster is sized from cluster and spread over network's subnets."
  }

  assert {
    condition     = keys(output.topics_module.topic_names) == ["msk-events"] && output.topics == ["msk-events"]
    error_message = "Declared topics are ensured before the mappings."
  }

  assert {
    condition     = output.logger_function_name == "msk-streaming-test-logger" && output.forwarder_function_name == "msk-streaming-test-forwarder"
    error_message = "Both functions are named per deployment."
  }

  assert {
    condition     = output.logger.runtime == "java21" && output.forwarder.runtime == "java21"
    error_message = "JVM functions by default."
  }

  assert {
    condition     = output.dashboard.dashboard_name == "msk-streaming-test" && output.glue_database_name == "msk_streaming_test"
    error_message = "Dashboard and Glue database are named per deployment."
  }

  assert {
    condition     = output.studio_notebook_start_command == null && output.flink_application_start_command == null
    error_message = "Pattern 4 is off by default."
  }
}

run "customer_managed_keys_and_snap_start" {
  command = apply

  variables {
    use_customer_managed_keys = true
    functions = {
      logger_package_path    = "../msk-lambda/tests/fixtures/function.zip"
      forwarder_package_path = "../msk-lambda/tests/fixtures/function.zip"
      snap_start             = true
    }
  }

  assert {
    condition     = output.msk.kms_key_arn != null && output.firehose_s3.kms_key_arn != null
    error_message = "use_customer_managed_keys creates keys for MSK, S3 and Firehose."
  }

  assert {
    condition     = output.logger.invoke_target_arn != output.logger.function_arn
    error_message = "SnapStart functions are invoked through their alias."
  }


  assert {
    condition     = startswith(output.client_session_command, "aws ssm start-session --region eu-west-1 --target ")
    error_message = "The session command targets the client instance in the provider's region."
  }
}

run "pattern_4_when_enabled" {
  command = plan

  variables {
    pattern_4 = { studio_notebook_enabled = true, flink_application_enabled = true, flink_parallelism = 2 }
  }

  assert {
    condition     = output.studio_notebook_start_command == "aws kinesisanalyticsv2 start-application --application-name msk-streaming-test-studio" && output.flink_application.property_group.properties.access_control == "iam"
    error_message = "Pattern 4 is wired to the cluster with IAM when enabled."
  }

  assert {
    condition     = output.flink_application.property_group.properties.topic == "msk-events"
    error_message = "The Flink application reads the forwarder's topic."
  }
}
