namespace LegacyBackend.Samples;

/// <summary>A Rails app that renders its log excerpt as text/plain on failure.</summary>
internal static class RailsError
{
    public const string Body = """
        Started GET "/students/7" for 10.20.3.14 at 2024-03-11 09:41:27 +0000
        Processing by StudentsController#show as JSON
          Parameters: {"id"=>"7"}
          Student Load (0.6ms)  SELECT "students".* FROM "students" WHERE "students"."id" = $1 LIMIT $2  [["id", 7], ["LIMIT", 1]]
        Completed 500 Internal Server Error in 4ms (ActiveRecord: 0.6ms | Allocations: 1893)

        ActiveRecord::RecordNotFound (Couldn't find Student with 'id'=7):

        activerecord (7.1.3) lib/active_record/core.rb:253:in `find'
        app/controllers/students_controller.rb:12:in `show'
        actionpack (7.1.3) lib/action_controller/metal/basic_implicit_render.rb:6:in `send_action'
        actionpack (7.1.3) lib/abstract_controller/base.rb:224:in `process_action'
        actionpack (7.1.3) lib/action_controller/metal/rendering.rb:165:in `process_action'
        activesupport (7.1.3) lib/active_support/callbacks.rb:110:in `run_callbacks'
        actionpack (7.1.3) lib/action_dispatch/routing/route_set.rb:49:in `dispatch'
        puma (6.4.2) lib/puma/request.rb:100:in `handle_request'
        puma (6.4.2) lib/puma/server.rb:443:in `process_client'
        /usr/local/bundle/gems/puma-6.4.2/lib/puma/thread_pool.rb:155:in `block in spawn_thread'

        """;
}
