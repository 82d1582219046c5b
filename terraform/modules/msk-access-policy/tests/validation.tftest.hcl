# One run per validation rule of the msk-access-policy module.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

variables {
  cluster_arn     = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
  topics          = ["stock-ticks"]
  consumer_groups = ["flink-sql-stock-ticks"]
}

run "rejects_bad_cluster_arn_not_a_cluster" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:topic/demo/uuid/t"
  }

  expect_failures = [var.cluster_arn]
}

run "rejects_bad_cluster_arn_missing" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cluster_arn = null
  }

  expect_failures = [var.cluster_arn]
}

run "rejects_bad_cluster_actions" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cluster_actions = ["kafka-cluster:*"]
  }

  expect_failures = [var.cluster_actions]
}

run "rejects_bad_topics_invalid" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topics = ["bad topic"]
  }

  expect_failures = [var.topics]
}

run "rejects_bad_topics_empty" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topics = []
  }

  expect_failures = [var.topics]
}

run "rejects_bad_topic_actions" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topic_actions = ["kafka-cluster:*"]
  }

  expect_failures = [var.topic_actions]
}

run "rejects_bad_consumer_groups" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    consumer_groups = [""]
  }

  expect_failures = [var.consumer_groups]
}

run "rejects_bad_sids" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    sids = { connect = "Kafka-Connect" }
  }

  expect_failures = [var.sids]
}

run "rejects_bad_vpc_application" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    vpc_application = { log_group_arn = "x", partition = "aws", region = "eu-west-1", account_id = "123" }
  }

  expect_failures = [var.vpc_application]
}

run "rejects_s3a_prefix_with_trailing_slash" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    s3a_output = { bucket_arn = "arn:aws:s3:::msk-demo-output", prefix = "flink/stock-ticks/" }
  }

  expect_failures = [var.s3a_output]
}
