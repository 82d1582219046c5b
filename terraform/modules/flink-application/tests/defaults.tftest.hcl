# Default path of the flink-application module against the mocked provider: runtime, code, checkpointing,
# parallelism, VPC, property group and logs. The role policy is rendered for real in tests/policy.tftest.hcl.

mock_provider "aws" {
  source = "../../tests/mocks"
}

override_resource {
  target = module.runtime.aws_cloudwatch_log_stream.this[0]
  values = {
    arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesis-analytics/ticks-sql:log-stream:application"
  }
}

variables {
  name               = "ticks-sql"
  code_bucket_name   = "artifacts-bucket"
  cluster_arn        = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
  bootstrap_servers  = "b-1.demo.kafka.eu-west-1.amazonaws.com:9098,b-2.demo.kafka.eu-west-1.amazonaws.com:9098"
  topic              = "stock-ticks"
  subnet_ids         = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  security_group_ids = ["sg-0123abcd"]
  output_bucket_name = "output-bucket"
}

run "application_runs_the_jar_on_flink_1_20_in_the_vpc" {
  command = apply

  assert {
    condition     = aws_kinesisanalyticsv2_application.this[0].runtime_environment == "FLINK-1_20" && !aws_kinesisanalyticsv2_application.this[0].start_application
    error_message = "The application must run on FLINK-1_20 and not start by itself."
  }

  assert {
    condition = (
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].application_code_configuration[0].code_content_type == "ZIPFILE" &&
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].application_code_configuration[0].code_content[0].s3_content_location[0].bucket_arn == "arn:aws:s3:::artifacts-bucket" &&
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].application_code_configuration[0].code_content[0].s3_content_location[0].file_key == "flink/flink-sql-application.jar"
    )
    error_message = "The code must come from the jar in S3."
  }

  assert {
    condition = (
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].flink_application_configuration[0].checkpoint_configuration[0].configuration_type == "CUSTOM" &&
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].flink_application_configuration[0].checkpoint_configuration[0].checkpointing_enabled &&
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].flink_application_configuration[0].checkpoint_configuration[0].checkpoint_interval == 60000 &&
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].application_snapshot_configuration[0].snapshots_enabled
    )
    error_message = "Checkpointing every minute and snapshots must be on: the sink commits on checkpoints."
  }

  assert {
    condition = (
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].flink_application_configuration[0].parallelism_configuration[0].parallelism == 1 &&
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].flink_application_configuration[0].parallelism_configuration[0].configuration_type == "CUSTOM"
    )
    error_message = "Parallelism must be the configured one."
  }

  assert {
    condition = (
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].vpc_configuration[0].subnet_ids == toset(["subnet-0a1b2c3d", "subnet-0e1f2a3b"]) &&
      aws_kinesisanalyticsv2_application.this[0].application_configuration[0].vpc_configuration[0].security_group_ids == toset(["sg-0123abcd"])
    )
    error_message = "The application must run in the cluster's subnets with its security group."
  }

  assert {
    condition = (
      one(aws_kinesisanalyticsv2_application.this[0].application_configuration[0].environment_properties[0].property_group).property_group_id == "FlinkSqlJob" &&
      one(aws_kinesisanalyticsv2_application.this[0].application_configuration[0].environment_properties[0].property_group).property_map == tomap({
        topic             = "stock-ticks"
        bootstrap_servers = "b-1.demo.kafka.eu-west-1.amazonaws.com:9098,b-2.demo.kafka.eu-west-1.amazonaws.com:9098"
        access_control    = "iam"
        group_id          = "flink-sql-stock-ticks"
        startup_mode      = "earliest-offset"
        bounded_mode      = "unbounded"
        output_uri        = "s3://output-bucket"
        output_prefix     = "flink/stock-ticks"
        commit_delay      = "1 h"
      })
    )
    error_message = "The property group FlinkSqlJob must carry exactly the job's settings."
  }

  assert {
    condition     = module.runtime.log_group_retention_in_days == 30 && aws_kinesisanalyticsv2_application.this[0].cloudwatch_logging_options[0].log_stream_arn == module.runtime.log_stream_arn
    error_message = "Logs go to the module's log group, with a retention."
  }

  assert {
    condition     = length(aws_s3_object.jar) == 0
    error_message = "Without jar_path nothing is uploaded."
  }
}

run "uploads_the_jar_and_pins_its_version" {
  command = apply

  variables {
    jar_path          = "tests/fixtures/application.jar"
    access_control    = "tls"
    parallelism       = 4
    start_application = true
  }

  assert {
    condition     = aws_s3_object.jar[0].bucket == "artifacts-bucket" && aws_s3_object.jar[0].key == "flink/flink-sql-application.jar" && aws_s3_object.jar[0].source_hash == filemd5("tests/fixtures/application.jar")
    error_message = "jar_path must be uploaded to code_bucket_name/code_key, tracked by source_hash."
  }

  assert {
    condition     = aws_s3_object.jar[0].server_side_encryption == "AES256"
    error_message = "Without a key the jar is stored with SSE-S3."
  }

  assert {
    condition     = aws_kinesisanalyticsv2_application.this[0].application_configuration[0].application_code_configuration[0].code_content[0].s3_content_location[0].object_version == aws_s3_object.jar[0].version_id
    error_message = "The application must pin the uploaded object version, so a new jar updates it."
  }

  assert {
    condition     = aws_kinesisanalyticsv2_application.this[0].start_application && aws_kinesisanalyticsv2_application.this[0].application_configuration[0].flink_application_configuration[0].parallelism_configuration[0].parallelism == 4
    error_message = "start_application and parallelism must be passed through."
  }
}

# With SSE-KMS the stored ETag is not the content's MD5, so etag = filemd5(...) re-uploaded the jar and restarted
# the application on every plan. source_hash is compared with the file, not with the stored ETag.
run "kms_encrypted_jar_is_tracked_by_source_hash" {
  command = apply

  variables {
    jar_path    = "tests/fixtures/application.jar"
    kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  assert {
    condition     = aws_s3_object.jar[0].server_side_encryption == "aws:kms" && aws_s3_object.jar[0].kms_key_id == "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    error_message = "The jar is encrypted with the bucket's key."
  }

  assert {
    condition     = aws_s3_object.jar[0].source_hash == filemd5("tests/fixtures/application.jar")
    error_message = "Changes to the jar are detected by source_hash."
  }
}

run "create_false_creates_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_kinesisanalyticsv2_application.this) == 0 && module.runtime.role_arn == null && module.runtime.log_group_name == null
    error_message = "create = false must plan nothing."
  }
}
