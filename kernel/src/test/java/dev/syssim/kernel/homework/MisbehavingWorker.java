package dev.syssim.kernel.homework;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A grading worker that dies on any notebook whose name holds "crash", as a kernel can; otherwise a normal worker. */
public final class MisbehavingWorker {

    private MisbehavingWorker() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(GradeWorker.READY);
        BufferedReader tasks = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = tasks.readLine(); line != null; line = tasks.readLine()) {
            GradeTask task = GradeTask.parse(line);
            if (task.notebook().contains("crash")) {
                System.err.println("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
                System.exit(3);
            }
            System.out.println(GradeWorker.gradeOne(task).toJson());
            System.out.flush();
        }
    }
}
