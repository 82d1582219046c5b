# One run per validation rule of the secure-bucket module.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  bucket_prefix = "msk-demo-output-"
}

run "rejects_bad_bucket_prefix" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    bucket_prefix = "Upper_Case"
  }

  expect_failures = [var.bucket_prefix]
}

run "rejects_bad_sse_algorithm" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    sse_algorithm = "aws:kms:dsse"
  }

  expect_failures = [var.sse_algorithm]
}

run "rejects_bad_kms_key_arn_without_kms" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/abc"
  }

  expect_failures = [var.kms_key_arn]
}

run "rejects_bad_versioning" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    versioning = "On"
  }

  expect_failures = [var.versioning]
}

run "rejects_bad_lifecycle_rules" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    lifecycle_rules = [{ id = "a", expiration_days = 0 }]
  }

  expect_failures = [var.lifecycle_rules]
}

run "rejects_bad_access_logging" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    access_logging = { target_bucket = "logs", target_prefix = "no-slash" }
  }

  expect_failures = [var.access_logging]
}

run "rejects_bad_server_access_logs_source" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    server_access_logs_source = { bucket_arns = [], account_id = "123", prefix = "s3-access/" }
  }

  expect_failures = [var.server_access_logs_source]
}
