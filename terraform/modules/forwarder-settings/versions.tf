terraform {
  # 1.9+ for cross-variable validation rules. No resources: an environment and a policy document only.
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 6.0"
    }
  }
}
