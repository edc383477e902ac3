public enum RoleReportsModule {}
